package org.outward.protect.verify;

/**
 * The limits that keep a check cheap to read and to test, whatever a hostile file claims. A candidate test
 * costs at most about half a second of one core at these caps; files made by the usual tools sit far below
 * them (Office agile 100,000 spins, ODF 100,000 PBKDF2 rounds).
 */
final class Caps {

    /** The largest material a check may keep: an OOXML EncryptionInfo stream or 1 KB of ODF ciphertext fit. */
    static final int MAX_MATERIAL_BYTES = 16 * 1024;
    /** Hash rounds per candidate for Office agile's spin count. */
    static final int MAX_SPIN_COUNT = 1_000_000;
    /** PBKDF2 rounds per candidate for ODF. */
    static final int MAX_PBKDF2_ROUNDS = 1_000_000;

    private Caps() {
    }

    static long bigEndian(byte[] four) {
        return ((four[0] & 0xffL) << 24) | ((four[1] & 0xffL) << 16) | ((four[2] & 0xffL) << 8) | (four[3] & 0xffL);
    }
}
