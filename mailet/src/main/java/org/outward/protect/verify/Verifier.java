package org.outward.protect.verify;

/**
 * One format's test of a candidate password against the material a {@link PasswordCheck} keeps. Built only by
 * its format's parser, which has already refused material beyond the caps, so a test's cost is bounded.
 */
interface Verifier {

    /** Whether the candidate (already within the length bounds) is the file's password. */
    boolean opens(String candidate) throws Exception;

    /** How many bits the test compares: a wrong password passes with odds of 1 in 2^bits. */
    int bits();
}
