package org.outward.protect.verify;

/** How sure a match is, so a notice can choose its words. */
public enum Certainty {
    /** The format compares 32 bits or more: a wrong password passes less than once in four billion tries. */
    CERTAIN,
    /**
     * The format compares fewer bits (one ZIP entry's 2-byte or 1-byte verifier, OpenPGP's 2-byte quick
     * check): a wrong password passes now and then (1 in 65,536 or 1 in 256 a try).
     */
    LIKELY
}
