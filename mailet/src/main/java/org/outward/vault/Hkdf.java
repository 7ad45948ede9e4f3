package org.outward.vault;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF-SHA256 (RFC 5869). The input is a 256-bit random secret, not a password, so it needs no stretching:
 * PBKDF2's iterations would only slow every download without adding strength.
 */
final class Hkdf {

    private static final String HMAC = "HmacSHA256";
    private static final int HASH_LENGTH = 32;

    private Hkdf() {
    }

    static byte[] derive(byte[] inputKey, byte[] salt, byte[] info, int length) {
        if (length > 255 * HASH_LENGTH) {
            throw new IllegalArgumentException("HKDF output too long");
        }
        try {
            byte[] pseudoRandomKey = mac(salt.length == 0 ? new byte[HASH_LENGTH] : salt).doFinal(inputKey);
            Mac expand = mac(pseudoRandomKey);
            byte[] out = new byte[length];
            byte[] block = new byte[0];
            int done = 0;
            for (int counter = 1; done < length; counter++) {
                expand.update(block);
                expand.update(info);
                expand.update((byte) counter);
                block = expand.doFinal();
                int take = Math.min(block.length, length - done);
                System.arraycopy(block, 0, out, done, take);
                done += take;
            }
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK always has " + HMAC, e);
        }
    }

    private static Mac mac(byte[] key) throws GeneralSecurityException {
        Mac mac = Mac.getInstance(HMAC);
        try {
            mac.init(new SecretKeySpec(key, HMAC));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
        return mac;
    }
}
