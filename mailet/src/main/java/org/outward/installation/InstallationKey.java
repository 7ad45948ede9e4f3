package org.outward.installation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The installation's own secret key, kept in a file only the gateway's user can read (0600), and the keyed
 * hashes (HMAC-SHA256) made with it.
 *
 * <p>Keyed hashes let the gateway recognise an address again without storing it, and sign its own notices
 * so that a sender cannot forge them: without the key, neither can be reversed or imitated. Each use names
 * its purpose, so a hash made for one purpose is never valid for another.
 *
 * <p>The key file is created on first use (32 random bytes, written to a temporary 0600 file and moved into
 * place, so a crash never leaves half a key). An existing key file readable by group or others is refused.
 */
public final class InstallationKey {

    private static final int KEY_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);

    private final byte[] key;

    private InstallationKey(byte[] key) {
        this.key = key.clone();
    }

    /** Reads the key at this path, creating it (and its folder) if it does not exist yet. */
    public static InstallationKey loadOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            create(file);
        }
        if (isPosix(file)) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (!OWNER_ONLY.containsAll(permissions)) {
                throw new IOException("installation key " + file + " must be readable by its owner only (chmod 600),"
                        + " but has " + PosixFilePermissions.toString(permissions));
            }
        }
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length != KEY_BYTES) {
            throw new IOException("installation key " + file + " must hold " + KEY_BYTES + " bytes");
        }
        return new InstallationKey(bytes);
    }

    /** A key from given bytes, for tests. */
    public static InstallationKey of(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("an installation key has " + KEY_BYTES + " bytes");
        }
        return new InstallationKey(key);
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

    /** HMAC-SHA256 of the value, under this key, for one named purpose. */
    public byte[] hmac(String purpose, String value) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** {@link #hmac} as unpadded URL-safe Base64, for headers and files. */
    public String hmacText(String purpose, String value) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(purpose, value));
    }

    @Override
    public String toString() {
        return "InstallationKey[not shown]";
    }
}
