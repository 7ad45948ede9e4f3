package org.outward.protect.verify;

import java.nio.file.Path;
import java.util.Optional;

import org.outward.protect.ProtectionCheck;

/**
 * Reads one format's own password check from a file. Which format a file is stays the business of the
 * {@link ProtectionCheck}s (by detected type, or by magic when the type is generic): a reader names the check
 * whose files it reads, and only reads. A reader reads only the structures it needs, within fixed size caps,
 * and may throw on malformed input; {@link PasswordCheckReaders} turns any failure into no check.
 */
interface PasswordCheckReader {

    /** The {@link ProtectionCheck#format()} of the files this reader reads, e.g. {@code "ZIP"}. */
    String protectionFormat();

    /** The file's check, or empty when it holds none this reader can keep (not encrypted, or beyond the caps). */
    Optional<PasswordCheck> read(Path file) throws Exception;
}
