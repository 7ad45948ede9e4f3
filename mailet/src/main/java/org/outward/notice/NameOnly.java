package org.outward.notice;

import java.util.Locale;
import java.util.Optional;

/**
 * Why a file's protection does not count, in the families a notice explains each in its own words: a sender who
 * set a password believes the file is safe, and is only convinced by the reason that applies to their file.
 */
enum NameOnly {

    /** Excel's built-in default password: Office opens the file without asking, so anyone can. */
    DEFAULT_PASSWORD,

    /** The zip format's original encryption: broken, the entries can be opened without the password. */
    ZIP_CRYPTO,

    /** RC4, XOR obfuscation, Blowfish and the other old ciphers of Office, PDF, ODF and archives: broken. */
    BROKEN_CIPHER;

    /** The family of a part's protection, if it is in name only. */
    static Optional<NameOnly> of(NoticeFacts.Part part) {
        if (part.defaultPassword()) {
            return Optional.of(DEFAULT_PASSWORD);
        }
        if (part.weakScheme().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(part.weakScheme().toLowerCase(Locale.ROOT).contains("zipcrypto") ? ZIP_CRYPTO : BROKEN_CIPHER);
    }
}
