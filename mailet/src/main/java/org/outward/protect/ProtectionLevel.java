package org.outward.protect;

/**
 * How well a file (or a whole message) is protected against someone who intercepts it, judged from the
 * file's own structures, never from its name or declared type.
 */
public enum ProtectionLevel {
    /** Encrypted with a modern cipher (AES, or public-key encryption) that a password or key is needed for. */
    STRONG,
    /** Encrypted, but with a scheme that is broken in practice (RC4, XOR obfuscation, ZipCrypto, Blowfish-CFB in old ODF). */
    WEAK,
    /** Opens without any secret: plain files, signed-only data, and PDFs with only an owner password. */
    NONE,
    /** Could not be judged: malformed, truncated, a limit reached, or a format we cannot read. */
    UNKNOWN;

    /** The lowercase word used in findings, notices, JSON output and the policy file. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
