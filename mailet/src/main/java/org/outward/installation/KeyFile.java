package org.outward.installation;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * A 256-bit secret key in a file only its owner can read (0600), made on first use. The gateway's
 * {@link InstallationKey} and the portal's own key are both kept this way, each in a file of its own.
 *
 * <p>A new key is written to a temporary 0600 file and linked into place, so a crash never leaves half a key and
 * two processes starting at once end up with the same one. An existing key file readable by group or others is
 * refused. Messages name the key's role, never its path.
 */
public final class KeyFile {

    /** The length of every key kept this way. */
    public static final int KEY_BYTES = 32;

    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);

    private KeyFile() {
    }

    /**
     * The key in this file, made (with its folder) if the file does not exist yet.
     *
     * @param role what the key is, for messages ("installation key", "portal key")
     */
    public static byte[] loadOrCreate(Path file, String role) throws IOException {
        if (!Files.exists(file)) {
            create(file);
        }
        if (isPosix(file)) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (!OWNER_ONLY.containsAll(permissions)) {
                throw new IOException(role + " file must be readable by its owner only (chmod 600), but has "
                        + PosixFilePermissions.toString(permissions));
            }
        }
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length != KEY_BYTES) {
            throw new IOException(role + " file must hold " + KEY_BYTES + " bytes");
        }
        return bytes;
    }

    private static void create(Path file) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        byte[] bytes = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(bytes);
        Path temp = isPosix(folder)
                ? Files.createTempFile(folder, ".key", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(folder, ".key", ".tmp");
        try {
            Files.write(temp, bytes);
            // A hard link appears whole and fails if the name exists, so if another process made the key
            // meanwhile, theirs wins and we read it (a rename would silently replace it on Linux).
            try {
                Files.createLink(file, temp);
            } catch (UnsupportedOperationException noLinks) {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (FileAlreadyExistsException raced) {
            // the other process's key stays
        } finally {
            Arrays.fill(bytes, (byte) 0);
            Files.deleteIfExists(temp);
        }
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
