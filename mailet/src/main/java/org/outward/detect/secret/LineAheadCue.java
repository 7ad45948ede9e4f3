package org.outward.detect.secret;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A cue whose secret stands alone on a later line: "The password for the file is:", "Password below", with
 * the secret on the next line that is not blank (mail clients and HTML bodies put blank and non-breaking-space
 * lines between paragraphs). The sibling of {@link CueRecogniser} for cues that point down the message.
 *
 * @param id              short stable name, reported in findings
 * @param cueLine         finds the cue in its line, with a named group {@code cue} for the label
 * @param baseConfidence  confidence of a finding with an ordinary token and no context
 * @param contextWords    lower-case words that raise confidence when near the cue
 * @param needsMixedToken whether the token must mix letters with digits or symbols (for a cue that only
 *                        points, where the next line is more often a plain word of the letter)
 */
public record LineAheadCue(String id, Pattern cueLine, double baseConfidence, List<String> contextWords,
                           boolean needsMixedToken) {

    /**
     * How many lines below the cue the secret may stand, blank ones included: an HTML body's empty
     * paragraphs become several blank lines each, and senders push the secret out of the preview.
     */
    public static final int REACH = 40;

    public LineAheadCue {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(cueLine, "cueLine");
        contextWords = List.copyOf(contextWords);
        if (!cueLine.pattern().contains("(?<cue>")) {
            throw new IllegalArgumentException("cue " + id + ": pattern needs a named group 'cue'");
        }
    }
}
