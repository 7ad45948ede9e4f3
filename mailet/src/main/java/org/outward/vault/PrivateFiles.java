package org.outward.vault;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * File operations for the vault: owner-only permissions from the moment of creation (0600 files, 0700
 * folders), and durable atomic replacement (write a temporary file, fsync it, rename it into place, fsync the
 * folder), so a reader sees either the old file or the whole new one, even after a crash.
 */
public final class PrivateFiles {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");

    private PrivateFiles() {
    }

    public static void folder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            if (POSIX) {
                Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(FOLDER));
            } else {
                Files.createDirectories(folder);
            }
        }
        if (POSIX) {
            Files.setPosixFilePermissions(folder, FOLDER);
        }
    }

    /** A new, empty, owner-only file for writing; the channel is synced and closed by the caller. */
    static FileChannel create(Path file) throws IOException {
        FileAttribute<?>[] attributes = POSIX
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
        return FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attributes);
    }

    static OutputStream stream(FileChannel channel) {
        return Channels.newOutputStream(channel);
    }

    /** Writes bytes to a temporary file in {@code temp} and moves them atomically to {@code target}. */
    public static void replace(Path temp, Path target, byte[] bytes) throws IOException {
        Path file = temp.resolve(target.getFileName() + "." + System.nanoTime() + ".tmp");
        try (FileChannel channel = create(file)) {
            channel.write(java.nio.ByteBuffer.wrap(bytes));
            channel.force(true);
        }
        commit(file, target);
    }

    /** Renames a synced temporary file into place atomically and makes the rename durable. */
    static void commit(Path synced, Path target) throws IOException {
        try {
            Files.move(synced, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.deleteIfExists(synced);
            throw new IOException("the vault folder must be on one file system that supports atomic renames", e);
        }
        syncFolder(target.getParent());
    }

    private static void syncFolder(Path folder) {
        // Making the rename durable needs an fsync of the folder; some platforms cannot open folders, and there
        // the rename is as durable as the platform allows.
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // best effort, see above
        }
    }
}
