package org.outward.protect.verify;

import java.nio.file.Path;
import java.util.Optional;

/** Where the inspection gets an encrypted file's password check from; {@link PasswordCheckReaders} in use. */
@FunctionalInterface
public interface PasswordCheckSource {

    /**
     * @param file      the encrypted file
     * @param mediaType the type detected from its content
     * @return its check, or empty; may throw, which the caller takes as no check
     */
    Optional<PasswordCheck> read(Path file, String mediaType) throws Exception;
}
