/**
 * An encrypted file's own password check, read from the file and kept apart from it: the verifier its format
 * holds (ZIP AES and ZipCrypto headers, Office's encryption header, PDF's O and U, ODF's checksum, OpenPGP's
 * quick check, 7z's encrypted header and its CRC) and nothing of the content in the clear, so a later
 * candidate can be tested without the file. {@code docs/security.md} lists what each format's check keeps.
 *
 * <p>{@link org.outward.protect.verify.PasswordCheckReaders} reads a
 * {@link org.outward.protect.verify.PasswordCheck} from a file; the check tests candidates
 * ({@code opens}), says how certain a match is, and encodes to versioned bytes for a sealed store. Every
 * check is bounded: candidates of 4 to 64 characters, iteration counts capped whatever a file claims.
 */
package org.outward.protect.verify;
