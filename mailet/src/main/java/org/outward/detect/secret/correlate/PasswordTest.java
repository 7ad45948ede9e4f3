package org.outward.detect.secret.correlate;

/**
 * What the correlation needs of an encrypted file's own password check (the verifier its format keeps): whether
 * a candidate opens the file, and a form to store. The inspection reads checks; this package only keeps and
 * asks them.
 */
public interface PasswordTest {

    /** Whether this candidate is the file's password. May take a format's full key derivation (milliseconds to a second). */
    boolean opens(String candidate);

    /** The check's stored form, read back by the correlator's decoder. */
    byte[] encode();
}
