package org.outward.installation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Base64;
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
 * <p>The key file is created on first use and must be readable by its owner only ({@link KeyFile}).
 */
public final class InstallationKey {

    private static final int KEY_BYTES = KeyFile.KEY_BYTES;
    private static final String ALGORITHM = "HmacSHA256";

    private final byte[] key;

    private InstallationKey(byte[] key) {
        this.key = key.clone();
    }

    /** Reads the key at this path, creating it (and its folder) if it does not exist yet. */
    public static InstallationKey loadOrCreate(Path file) throws IOException {
        return new InstallationKey(KeyFile.loadOrCreate(file, "installation key"));
    }

    /** A key from given bytes, for tests. */
    public static InstallationKey of(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("an installation key has " + KEY_BYTES + " bytes");
        }
        return new InstallationKey(key);
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
