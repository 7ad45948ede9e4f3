package org.outward.vault;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;

/**
 * A recipient's link: a random link id (which names the item by its hash) and a random 256-bit secret (from
 * which the item's key is derived). Neither is stored; the token exists only in the link sent to the recipient.
 * {@link #toString()} never shows it.
 */
public final class LinkToken {

    static final int ID_BYTES = 16;
    static final int SECRET_BYTES = 32;

    private final byte[] linkId;
    private final byte[] secret;

    private LinkToken(byte[] linkId, byte[] secret) {
        this.linkId = linkId;
        this.secret = secret;
    }

    static LinkToken random(SecureRandom random) {
        byte[] id = new byte[ID_BYTES];
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(id);
        random.nextBytes(secret);
        return new LinkToken(id, secret);
    }

    /** Parses the token part of a link; empty when it does not have the right shape. */
    public static Optional<LinkToken> parse(String text) {
        return TokenCodec.decode(text, ID_BYTES + SECRET_BYTES).map(bytes -> new LinkToken(
                Arrays.copyOfRange(bytes, 0, ID_BYTES), Arrays.copyOfRange(bytes, ID_BYTES, bytes.length)));
    }

    /** The text that goes into the link's path. */
    public String encoded() {
        byte[] all = new byte[ID_BYTES + SECRET_BYTES];
        System.arraycopy(linkId, 0, all, 0, ID_BYTES);
        System.arraycopy(secret, 0, all, ID_BYTES, SECRET_BYTES);
        return TokenCodec.encode(all);
    }

    /** The item this token names. */
    public ItemId itemId() {
        return ItemId.of(sha256(linkId));
    }

    byte[] secret() {
        return secret.clone();
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LinkToken that && MessageDigest.isEqual(linkId, that.linkId)
                && MessageDigest.isEqual(secret, that.secret);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(linkId);
    }

    @Override
    public String toString() {
        return "LinkToken[redacted]";
    }
}
