package org.outward.detect.secret.correlate;

import java.util.Objects;
import java.util.Optional;

/**
 * An encrypted attachment leaving now, as the correlation remembers it.
 *
 * @param fileName the attachment's file name as the sender wrote it
 * @param check    the file's own password check, when its format keeps one the inspection reads
 */
public record EncryptedFile(String fileName, Optional<PasswordTest> check) {

    public EncryptedFile {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(check, "check");
    }

    /** A file whose format keeps no check the inspection reads. */
    public static EncryptedFile named(String fileName) {
        return new EncryptedFile(fileName, Optional.empty());
    }
}
