package org.outward.detect.secret;

import java.util.Objects;

/**
 * A secret disclosed in a message, described without the secret itself.
 *
 * <p>Every field is safe to log, store and show to the sender: the cue is the recogniser's own label,
 * never text copied from the message, and the secret appears only as its redacted form.
 *
 * @param location   where the secret sits
 * @param partPath   the MIME part, as in the {@link TextSource}
 * @param line       1-based line number within that part's text
 * @param recogniser the id of the cue recogniser that found it, e.g. {@code labelled}
 * @param cue        the cue's label for people, e.g. {@code Password} or {@code Cyfrinair}
 * @param redacted   the secret redacted, e.g. {@code Password: T*****-******-**}
 * @param confidence from 0 to 1
 */
public record SecretFinding(Location location, String partPath, int line, String recogniser, String cue,
                            String redacted, double confidence) {

    public SecretFinding {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(partPath, "partPath");
        Objects.requireNonNull(recogniser, "recogniser");
        Objects.requireNonNull(cue, "cue");
        Objects.requireNonNull(redacted, "redacted");
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence must be between 0 and 1");
        }
    }

    /** Where the secret is, for a person: {@code body line 4}, {@code subject}, {@code attachment part 2}. */
    public String where() {
        return switch (location) {
            case SUBJECT -> "subject";
            case BODY_PLAIN, BODY_HTML -> "body line " + line;
            case QUOTED -> "quoted text, line " + line;
            case ATTACHMENT -> "attachment (part " + partPath + "), line " + line;
        };
    }
}
