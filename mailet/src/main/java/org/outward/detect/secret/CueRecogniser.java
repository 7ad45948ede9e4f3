package org.outward.detect.secret;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One way people disclose a secret, in the manner of Presidio's pattern recognisers: a pattern that finds
 * the cue and captures the token before or after it, a base confidence, and context words that make the
 * finding more likely when they are near (an attachment, a zip, a login).
 *
 * <p>The pattern must have a named group {@code token}, and may have a named group {@code cue} whose text
 * picks the label ({@link CueLabel}). The token is judged by the {@link TokenJudge}, never trusted.
 *
 * @param id             short stable name, e.g. {@code labelled}, reported in findings
 * @param pattern        the cue with its {@code token} group
 * @param baseConfidence confidence of a finding with an ordinary token and no context
 * @param contextWords   lower-case words that raise confidence when on the line or the lines around it
 * @param needsMixedToken whether the token must mix letters with digits or symbols (for weak cues, such as
 *                       a bare "password" with no separator, where a plain word is far more often prose)
 */
public record CueRecogniser(String id, Pattern pattern, double baseConfidence, List<String> contextWords,
                            boolean needsMixedToken) {

    public CueRecogniser {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(pattern, "pattern");
        contextWords = List.copyOf(contextWords);
        if (!pattern.pattern().contains("(?<token>")) {
            throw new IllegalArgumentException("recogniser " + id + ": pattern needs a named group 'token'");
        }
    }
}
