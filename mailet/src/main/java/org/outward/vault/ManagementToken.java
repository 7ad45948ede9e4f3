package org.outward.vault;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;

/**
 * The sender's management link: the item id and a random 256-bit secret whose SHA-256 the store keeps. It lets
 * the sender see who opened the item and revoke it, never download it. {@link #toString()} never shows it.
 */
public final class ManagementToken {

    private static final int ID_BYTES = 32;
    private static final int SECRET_BYTES = 32;

    private final byte[] itemId;
    private final byte[] secret;

    private ManagementToken(byte[] itemId, byte[] secret) {
        this.itemId = itemId;
        this.secret = secret;
    }

    static ManagementToken random(ItemId id, SecureRandom random) {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        return new ManagementToken(id.bytes(), secret);
    }

    /** Parses the token part of a management link; empty when it does not have the right shape. */
    public static Optional<ManagementToken> parse(String text) {
        return TokenCodec.decode(text, ID_BYTES + SECRET_BYTES).map(bytes -> new ManagementToken(
                Arrays.copyOfRange(bytes, 0, ID_BYTES), Arrays.copyOfRange(bytes, ID_BYTES, bytes.length)));
    }

    /** The text that goes into the management link's path. */
    public String encoded() {
        byte[] all = new byte[ID_BYTES + SECRET_BYTES];
        System.arraycopy(itemId, 0, all, 0, ID_BYTES);
        System.arraycopy(secret, 0, all, ID_BYTES, SECRET_BYTES);
        return TokenCodec.encode(all);
    }

    /** The item this token manages. */
    public ItemId itemId() {
        return ItemId.of(itemId);
    }

    byte[] secretHash() {
        return LinkToken.sha256(secret);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ManagementToken that && MessageDigest.isEqual(itemId, that.itemId)
                && MessageDigest.isEqual(secret, that.secret);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(itemId);
    }

    @Override
    public String toString() {
        return "ManagementToken[redacted]";
    }
}
