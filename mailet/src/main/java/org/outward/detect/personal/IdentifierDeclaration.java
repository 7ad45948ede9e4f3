package org.outward.detect.personal;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * One kind of identifier, declared: what its values look like, how a candidate is checked, and which words
 * around it or above its column make it one (as Presidio's pattern recognisers and Purview's sensitive
 * information types declare theirs). Built-in identifiers are one file each in
 * {@code org.outward.detect.personal.identifiers}; a policy file declares an installation's own the same way.
 * The registry compiles every declaration into its scanning plan ({@link ShapeFacts}).
 *
 * @param kind            what a value is
 * @param shape           the values' shape; it begins with {@code \b}, since values are looked for at word starts
 * @param validator       whether a candidate with the shape is a value (a {@link CheckDigit}, or the
 *                        identifier's own rules)
 * @param contextWords    words or phrases, as plain text, that make a candidate in running text more likely
 * @param headerWords     what a column header of such values says, each a phrase or a plain pattern (lower-case
 *                        letters, digits, spaces, {@code (?:a|b)}, {@code ?}) matched against the header
 *                        lower-cased with its punctuation as spaces
 * @param contextRequired whether a candidate in running text with no context word near it is dropped (with
 *                        header words only, values count only in a column under one of them)
 * @param window          how many characters either side of a candidate are looked at for context words
 * @param score           confidence in a value with no context word near (0.3 more with one)
 * @param hints           what cannot be worked out from the shape ({@link Hints#NONE} for most)
 */
public record IdentifierDeclaration(DataKind kind, Pattern shape, Predicate<String> validator,
        List<String> contextWords, List<String> headerWords, boolean contextRequired, int window, double score,
        Hints hints) {

    public IdentifierDeclaration {
        if (!shape.pattern().startsWith("\\b")) {
            throw new IllegalArgumentException("an identifier's shape begins with \\b");
        }
        contextWords = List.copyOf(contextWords);
        headerWords = List.copyOf(headerWords);
        if (contextRequired && contextWords.isEmpty() && headerWords.isEmpty()) {
            throw new IllegalArgumentException("context is required but no context or header words are given");
        }
    }

    /** A declaration with no hints. */
    public IdentifierDeclaration(DataKind kind, Pattern shape, Predicate<String> validator,
            List<String> contextWords, List<String> headerWords, boolean contextRequired, int window, double score) {
        this(kind, shape, validator, contextWords, headerWords, contextRequired, window, score, Hints.NONE);
    }

    /**
     * What the shape and validator cannot say.
     *
     * @param columnIsContext   whether a column most of whose cells are values holds this kind with no header
     *                          (false where such a column could be anything: dates, any five-digit number)
     * @param headerTakesDigits whether a column under one of the header words holds this kind when most of its
     *                          cells merely hold digits (exports split such values into parts)
     * @param capitalsInCells   whether a table cell is compared upper-cased (the shape is capitals in text)
     * @param reading           the shape read by hand where the regex is too slow; null to use the regex. A
     *                          test compares the two
     * @param needsContext      for an identifier whose context is not required of every value: the values that
     *                          are dropped with no context word near (null for none)
     */
    public record Hints(boolean columnIsContext, boolean headerTakesDigits, boolean capitalsInCells,
            HandReading reading, Predicate<String> needsContext) {

        public static final Hints NONE = new Hints(true, false, false, null, null);

        /** No hints but {@code columnIsContext} and {@code headerTakesDigits}. */
        public static Hints column(boolean columnIsContext, boolean headerTakesDigits) {
            return new Hints(columnIsContext, headerTakesDigits, false, null, null);
        }
    }
}
