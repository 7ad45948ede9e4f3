package org.outward.detect.secret.correlate;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.outward.installation.InstallationKey;

/**
 * Seals a file's password check for the correlation state with AES-256-GCM under a key derived from the
 * installation key, bound to the send it belongs to (sender and recipient hashes, file name, time), so a copy
 * of the state without the key holds nothing to test passwords against, and a check cannot be moved to
 * another send's row.
 *
 * <p>Sealed form: a version byte, a 12-byte random nonce, the ciphertext and its 16-byte tag.
 */
final class CheckSeal {

    private static final byte VERSION = 1;
    private static final String PURPOSE = "outward-password-check-seal";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    CheckSeal(InstallationKey installationKey) {
        this.key = new SecretKeySpec(installationKey.hmac(PURPOSE, "v1"), "AES");
    }

    SealedCheck seal(byte[] check, String boundTo) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, boundTo);
            byte[] sealed = cipher.doFinal(check);
            return SealedCheck.of(ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce)
                    .put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The check, or empty when the sealed bytes were made under another key, for another send, or altered. */
    Optional<byte[]> open(SealedCheck sealed, String boundTo) {
        byte[] bytes = sealed.bytes();
        if (bytes.length < 1 + NONCE_BYTES + TAG_BITS / 8 || bytes[0] != VERSION) {
            return Optional.empty();
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOfRange(bytes, 1, 1 + NONCE_BYTES), boundTo);
            return Optional.of(cipher.doFinal(bytes, 1 + NONCE_BYTES, bytes.length - 1 - NONCE_BYTES));
        } catch (GeneralSecurityException notOurs) {
            return Optional.empty();
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String boundTo) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
