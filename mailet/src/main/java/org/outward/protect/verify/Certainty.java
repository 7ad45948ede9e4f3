package org.outward.protect.verify;

/** How sure a match is, so a notice can choose its words. */
public enum Certainty {
    /** The format compares 64 bits or more: a wrong password practically never passes. */
    CERTAIN,
    /** The format compares fewer bits (ZIP's 2-byte or 1-byte verifiers): a wrong password passes now and then. */
    LIKELY
}
