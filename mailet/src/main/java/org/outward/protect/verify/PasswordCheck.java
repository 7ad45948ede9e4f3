package org.outward.protect.verify;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * An encrypted file's own password check, kept apart from the file: the format's verifier and the few values
 * needed to recompute it (salts, iteration counts, IVs, at most a kilobyte of ciphertext), never the
 * password and never the file's content in the clear. It answers one question, {@link #opens(String)}: is
 * this candidate the file's password?
 *
 * <p>A check exists only if its material parses and its cost is within the caps (see {@link Caps}), whether
 * it was read from a file or decoded from a store, so testing a handful of candidates is always bounded.
 * {@link #toString()} names the format only; exceptions name a fault only.
 */
public final class PasswordCheck {

    /** Candidates shorter or longer than this are not tested (no file password is 3 or 200 characters). */
    public static final int MIN_CANDIDATE = 4;
    public static final int MAX_CANDIDATE = 64;

    private static final byte[] MAGIC = "OWPC".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 1;

    private final CheckFormat format;
    private final byte[] material;
    private final Verifier verifier;

    private PasswordCheck(CheckFormat format, byte[] material) {
        this.format = Objects.requireNonNull(format, "format");
        this.material = material.clone();
        this.verifier = format.parse(this.material);
    }

    /** A check of this format from its material; throws {@link MalformedCheckException} beyond the caps. */
    static PasswordCheck of(CheckFormat format, byte[] material) {
        if (material.length > Caps.MAX_MATERIAL_BYTES) {
            throw new MalformedCheckException("check too large");
        }
        return new PasswordCheck(format, material);
    }

    public CheckFormat format() {
        return format;
    }

    /** How many bits the format's test compares: a wrong password passes with odds of 1 in 2^bits. */
    public int verifierBits() {
        return verifier.bits();
    }

    /** {@link Certainty#CERTAIN} from 32 bits up, else {@link Certainty#LIKELY}. */
    public Certainty certainty() {
        return verifierBits() >= 32 ? Certainty.CERTAIN : Certainty.LIKELY;
    }

    /** The odds that a wrong password passes, in words, e.g. {@code "1 in 65,536"}. */
    public String falseMatchOdds() {
        int bits = verifierBits();
        return bits >= 63 ? "less than 1 in 2^" + bits : String.format(java.util.Locale.UK, "1 in %,d", 1L << bits);
    }

    /**
     * Whether this candidate is the file's password. Candidates outside {@value #MIN_CANDIDATE} to
     * {@value #MAX_CANDIDATE} characters are refused (false) without any work; a fault while testing is
     * false too.
     */
    public boolean opens(String candidate) {
        if (candidate == null || candidate.length() < MIN_CANDIDATE || candidate.length() > MAX_CANDIDATE) {
            return false;
        }
        try {
            return verifier.opens(candidate);
        } catch (Exception e) {
            return false;
        }
    }

    /** Versioned bytes for a store: magic, version, format id, material. */
    public byte[] encode() {
        return new Fields.Writer().u32(Caps.bigEndian(MAGIC)).u8(VERSION).u8(format.id()).bytes(material).done();
    }

    /** Reads {@link #encode()}'s bytes back; anything else is a {@link MalformedCheckException}. */
    public static PasswordCheck decode(byte[] encoded) {
        if (encoded == null) {
            throw new MalformedCheckException("no bytes");
        }
        Fields.Reader in = new Fields.Reader(encoded);
        if (in.u32() != Caps.bigEndian(MAGIC)) {
            throw new MalformedCheckException("not a password check");
        }
        if (in.u8() != VERSION) {
            throw new MalformedCheckException("unknown version");
        }
        CheckFormat format = CheckFormat.byId(in.u8());
        byte[] material = in.bytes(1, Caps.MAX_MATERIAL_BYTES, "material");
        in.end();
        return new PasswordCheck(format, material);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PasswordCheck c && c.format == format && Arrays.equals(c.material, material);
    }

    @Override
    public int hashCode() {
        return format.hashCode() * 31 + Arrays.hashCode(material);
    }

    @Override
    public String toString() {
        return "PasswordCheck[" + format.words() + "]";
    }
}
