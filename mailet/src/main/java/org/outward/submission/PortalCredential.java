package org.outward.submission;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

import org.outward.installation.InstallationKey;

/**
 * The login with which the portal submits its own mail (one-time codes, first-download notices) to the gateway's
 * portal listener, the only way by which mail reaches the recipients without being judged.
 *
 * <p>Both sides derive it from one key file, the submission key, kept apart from the installation key: the portal
 * holds the submission key and the vault, nothing of the gateway's keyed hashes. The gateway creates the file on
 * first start ({@link #loadOrCreate}); the portal only reads it ({@link #load}), so a portal pointed at the wrong
 * file fails at start-up instead of submitting with a login the gateway refuses.
 */
public record PortalCredential(String username, String password) {

    /** The one user name the portal listener accepts. */
    public static final String USERNAME = "outward-portal";

    private static final String PURPOSE = "outward-portal-submission-v1";

    public PortalCredential {
        if (username.isEmpty() || password.isEmpty()) {
            throw new IllegalArgumentException("a portal credential needs a user name and a password");
        }
    }

    /** The gateway's side: reads the submission key, creating it (0600) when it does not exist yet. */
    public static PortalCredential loadOrCreate(Path keyFile) throws IOException {
        return from(InstallationKey.loadOrCreate(keyFile));
    }

    /** The portal's side: reads the submission key the gateway made; a missing file is an error. */
    public static PortalCredential load(Path keyFile) throws IOException {
        if (!Files.isRegularFile(keyFile)) {
            throw new IOException("no submission key at " + keyFile
                    + " (the gateway creates it at its first start; give the portal the same file)");
        }
        return from(InstallationKey.loadOrCreate(keyFile));
    }

    private static PortalCredential from(InstallationKey key) {
        return new PortalCredential(USERNAME, key.hmacText(PURPOSE, USERNAME));
    }

    /**
     * Whether a login offered over SMTP is this one. Both sides are hashed before the comparison, so neither the
     * time taken nor a length difference tells a guesser how close they came.
     */
    public boolean matches(String offeredUsername, String offeredPassword) {
        if (offeredUsername == null || offeredPassword == null) {
            return false;
        }
        boolean user = MessageDigest.isEqual(digest(offeredUsername), digest(username));
        boolean secret = MessageDigest.isEqual(digest(offeredPassword), digest(password));
        return user & secret;
    }

    private static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "PortalCredential[" + username + ", password not shown]";
    }
}
