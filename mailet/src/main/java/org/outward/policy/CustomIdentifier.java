package org.outward.policy;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import org.outward.detect.personal.CheckDigit;
import org.outward.detect.personal.DataKind;
import org.outward.detect.personal.IdentifierDeclaration;

/**
 * An identifier the admins declared under {@code identifiers:} in the policy file, such as the party's own
 * membership numbers or case references: the same parts a built-in recogniser has (Purview's custom sensitive
 * information types and Presidio's pattern recognisers have them too), so the detector can treat it as one of
 * its own and a rule can name it in {@code when.data}. Made by {@link PolicyLoader}, which has checked every
 * part; immutable.
 *
 * @param name            kebab-case, unique, and not the word of a built-in kind of personal data
 * @param description     what the values are, in the admin's words, for notices and the audit
 * @param pattern         the shape of one value, compiled as written (add {@code (?i)} to ignore case)
 * @param validator       the check digit a value must pass; {@link CheckDigit#NONE} when it has none
 * @param contextWords    lower-case words or phrases that, near a value, make it more likely one
 * @param headerWords     lower-case column headers that name a column of these values
 * @param contextRequired whether a value counts only with a context word near it or under such a header
 * @param window          how many characters either side of a value are searched for context words
 * @param score           how sure one value is, 0..1
 * @param identifier      whether one value points at one person on its own (as a membership number does)
 * @param line            the line of the declaration in the policy file, for explanations
 */
public record CustomIdentifier(String name, String description, Pattern pattern, CheckDigit validator,
                               List<String> contextWords, List<String> headerWords, boolean contextRequired,
                               int window, double score, boolean identifier, int line) {

    /**
     * The most identifiers one policy declares: the detector counts a row's kinds in one machine word, which
     * the built-in kinds share.
     */
    public static final int MAX_DECLARED = 32;
    /** Characters either side searched for context words when the policy does not say. */
    public static final int DEFAULT_WINDOW = 60;
    /** The widest window: Purview's own keyword proximity for UK identifiers. */
    public static final int MAX_WINDOW = 300;
    /** How sure one value is when the policy does not say: a declared shape is the party's own, and precise. */
    public static final double DEFAULT_SCORE = 0.8;

    public CustomIdentifier {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(validator, "validator");
        contextWords = List.copyOf(contextWords);
        headerWords = List.copyOf(headerWords);
        if (window < 1 || window > MAX_WINDOW) {
            throw new IllegalArgumentException("window must be between 1 and " + MAX_WINDOW);
        }
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be between 0 and 1");
        }
    }

    /**
     * This identifier as the detector declares its own, so it is found, counted in records and named in
     * findings exactly as a built-in one. The detector looks for values where a word begins: a pattern that
     * does not say {@code \\b} first is given one, keeping its flags.
     */
    public IdentifierDeclaration declaration() {
        Pattern shape = pattern.pattern().startsWith("\\b") ? pattern
                : Pattern.compile("\\b(?:" + pattern.pattern() + ")", pattern.flags());
        return new IdentifierDeclaration(new DataKind(name, identifier), shape, validator, contextWords, headerWords,
                contextRequired, window, score);
    }
}
