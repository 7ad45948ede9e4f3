package org.outward.protect;

import java.util.List;
import java.util.Objects;

/**
 * The protection verdict for one file.
 *
 * @param level   the verdict
 * @param scheme  what was found, in words an admin recognises, e.g. {@code "OOXML Agile AES-256"},
 *                {@code "ZIP WinZip AES-256"}, {@code "PDF RC4-40 user password"}, {@code "none"};
 *                for {@link ProtectionLevel#UNKNOWN} a short reason such as {@code "truncated 7z header"}
 * @param entries for containers whose entries are protected one by one (zip, 7z, rar), each entry's own
 *                verdict; empty otherwise. Entry names of encrypted archives stay readable in the format
 *                itself and are reported as metadata, not content.
 * @param notes   further facts worth telling the sender or admin, e.g. {@code "file names are not encrypted"},
 *                {@code "owner password only: opens without a password"}
 */
public record Protection(ProtectionLevel level, String scheme, List<EntryProtection> entries, List<String> notes) {

    /**
     * The note of a file encrypted with Excel's built-in default password; the notice recognises it to explain
     * why that protection does not count.
     */
    public static final String DEFAULT_PASSWORD_NOTE = "encrypted with Excel's built-in default password"
            + " (VelvetSweatshop): opens without asking for one";

    /** The note of a PDF with only an owner password, recognised by the notice like the one above. */
    public static final String OWNER_ONLY_NOTE = "opens without a password: only an owner password (permission flags)"
            + " is set";

    public Protection {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(scheme, "scheme");
        entries = List.copyOf(entries);
        notes = List.copyOf(notes);
    }

    public static Protection of(ProtectionLevel level, String scheme, String... notes) {
        return new Protection(level, scheme, List.of(), List.of(notes));
    }

    public static Protection none() {
        return of(ProtectionLevel.NONE, "none");
    }

    public static Protection unknown(String reason) {
        return of(ProtectionLevel.UNKNOWN, reason);
    }

    /**
     * One entry of a container.
     *
     * @param name   the entry's path inside the container, as stored
     * @param level  that entry's verdict
     * @param scheme that entry's scheme, as in {@link Protection#scheme()}
     */
    public record EntryProtection(String name, ProtectionLevel level, String scheme) {
        public EntryProtection {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(scheme, "scheme");
        }
    }
}
