package org.outward.feedback;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

import org.outward.vault.TokenCodec;

/**
 * What a notice's report link carries: the ticket's id (128 random bits) and a random 256-bit secret. The store
 * keeps only the secret's SHA-256, so a copy of the store makes no link; a made-up, altered or other ticket's token
 * opens nothing. {@link #toString()} never shows it.
 */
public final class ReportToken {

    static final int ID_BYTES = 16;
    private static final int SECRET_BYTES = 32;

    private final byte[] id;
    private final byte[] secret;

    private ReportToken(byte[] id, byte[] secret) {
        this.id = id;
        this.secret = secret;
    }

    /** A new token for a new ticket. */
    public static ReportToken random(SecureRandom random) {
        byte[] id = new byte[ID_BYTES];
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(id);
        random.nextBytes(secret);
        return new ReportToken(id, secret);
    }

    /** Reads the token part of a report link; empty when it does not have the right shape. */
    public static Optional<ReportToken> parse(String text) {
        return TokenCodec.decode(text, ID_BYTES + SECRET_BYTES).map(bytes -> new ReportToken(
                Arrays.copyOfRange(bytes, 0, ID_BYTES), Arrays.copyOfRange(bytes, ID_BYTES, bytes.length)));
    }

    /** The text that goes into the link's path. */
    public String encoded() {
        byte[] all = Arrays.copyOf(id, ID_BYTES + SECRET_BYTES);
        System.arraycopy(secret, 0, all, ID_BYTES, SECRET_BYTES);
        return TokenCodec.encode(all);
    }

    /** The ticket's id, in hex. */
    public String ticketId() {
        return HexFormat.of().formatHex(id);
    }

    /** What the store keeps to recognise the secret: its SHA-256, in hex. */
    public String secretHash() {
        return HexFormat.of().formatHex(sha256(secret));
    }

    /** Whether this token's secret is the one whose hash was stored; compared in constant time. */
    boolean matches(String storedHash) {
        byte[] stored;
        try {
            stored = HexFormat.of().parseHex(storedHash);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(sha256(secret), stored);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "ReportToken[redacted]";
    }
}
