package org.outward.protect.verify;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.outward.protect.FileHead;
import org.outward.protect.ProtectionCheck;
import org.outward.protect.ProtectionChecks;

/**
 * The registry of {@link PasswordCheckReader}s. The file's format is found as the protection assessment finds
 * it (the first {@link ProtectionCheck} that accepts it, so ODF wins over plain zip); that format's reader, if
 * there is one, reads the check. Any failure (malformed file, a cost beyond the caps, an I/O error) is simply
 * no check, since a missing check only means a later password cannot be matched to this file; nothing here
 * ever holds mail. The caller bounds the time.
 */
public final class PasswordCheckReaders implements PasswordCheckSource {

    private final List<ProtectionCheck> formats;
    private final Map<String, PasswordCheckReader> readers;

    private PasswordCheckReaders(List<ProtectionCheck> formats, List<PasswordCheckReader> readers) {
        this.formats = List.copyOf(formats);
        this.readers = readers.stream().collect(Collectors.toUnmodifiableMap(PasswordCheckReader::protectionFormat,
                Function.identity()));
    }

    /** Every reader this project has, over the assessment's own format detection. */
    public static PasswordCheckReaders defaults() {
        return new PasswordCheckReaders(ProtectionChecks.defaults().checks(),
                List.of(new ZipReader(), new OfficeReader(), new PdfReader(), new OdfReader(),
                new OpenPgpReader(), new SevenZipReader()));
    }

    /**
     * The file's own password check, if its format keeps one this project can read.
     *
     * @param file      the encrypted file
     * @param mediaType the type detected from its content; generic types fall back to magic
     */
    @Override
    public Optional<PasswordCheck> read(Path file, String mediaType) {
        try {
            FileHead head = FileHead.read(file);
            String type = ProtectionCheck.normalise(mediaType);
            for (ProtectionCheck format : formats) {
                if (format.accepts(type, head)) {
                    PasswordCheckReader reader = readers.get(format.format());
                    return reader == null ? Optional.empty() : reader.read(file);
                }
            }
            return Optional.empty();
        } catch (Exception | StackOverflowError e) {
            return Optional.empty();
        }
    }
}
