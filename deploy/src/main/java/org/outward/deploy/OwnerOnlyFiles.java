package org.outward.deploy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files and folders readable by the gateway's user only (0600, 0700), so from the moment they are created: a file
 * made with the default mode and narrowed afterwards can be opened by another user in between, and an open file
 * stays readable after a chmod. On a file system without POSIX permissions its own access rules apply.
 */
final class OwnerOnlyFiles {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<StandardOpenOption> WRITE = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING);

    private OwnerOnlyFiles() {
    }

    /** The folder and any missing parents it needs, a new one created owner-only. */
    static void folder(Path folder) throws IOException {
        if (POSIX) {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(folder);
        }
    }

    /** Writes the file, created owner-only when it does not exist; an existing one is emptied first. */
    static OutputStream write(Path file) throws IOException {
        FileAttribute<?>[] attributes = POSIX
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
        return Channels.newOutputStream(Files.newByteChannel(file, WRITE, attributes));
    }
}
