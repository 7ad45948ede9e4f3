package org.outward.vault;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys one link secret yields for one item: the AES-256 content key, and a verifier the store keeps so that
 * a wrong secret is refused before any decryption. Both are bound to the item id, so a secret cannot be
 * replayed against another item.
 */
record ItemKeys(SecretKey contentKey, byte[] verifier) {

    private static final String CONTEXT = "outward-vault-v1 ";

    static ItemKeys derive(byte[] linkSecret, byte[] salt, ItemId id) {
        byte[] key = Hkdf.derive(linkSecret, salt, info("content", id), 32);
        byte[] verifier = Hkdf.derive(linkSecret, salt, info("verifier", id), 32);
        return new ItemKeys(new SecretKeySpec(key, "AES"), verifier);
    }

    boolean matches(byte[] storedVerifier) {
        return MessageDigest.isEqual(verifier, storedVerifier);
    }

    private static byte[] info(String purpose, ItemId id) {
        return (CONTEXT + purpose + " " + id.hex()).getBytes(StandardCharsets.US_ASCII);
    }
}
