package org.outward.detect.personal;

import dk.brics.automaton.RegExp;
import dk.brics.automaton.RunAutomaton;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Whether a whole table cell has a declared shape, decided by the shape's automaton instead of its regex: the
 * columns of every table sniffed from prose put each cell through every declaration, and a regex started per
 * cell cost more than the rest of the classification. The automaton is the shape as {@link AutomatonSyntax}
 * reads it (the same reading {@link ShapeFacts} works from); it accepts at least what the regex matches, so its
 * no is final. Its yes is final where the reading is exact and the boundaries it left out hold at the cell's
 * ends; otherwise, and for a cell with a surrogate pair (Java's regex reads the pair as one character, the
 * automaton as two), the regex decides.
 *
 * @param automaton the automaton of the whole shape
 * @param exact     whether its yes is the regex's, given the boundaries below
 * @param wordFirst whether a value must begin at a word boundary
 * @param wordLast  whether a value must end at a word boundary
 */
record CellShape(RunAutomaton automaton, boolean exact, boolean wordFirst, boolean wordLast) {

    /** {@link #verdict}: the cell has not the shape. */
    static final int NO = 0;
    /** {@link #verdict}: the whole cell has the shape. */
    static final int YES = 1;
    /** {@link #verdict}: ask the regex. */
    static final int ASK_REGEX = 2;

    private static final Map<String, Optional<CellShape>> KNOWN = new ConcurrentHashMap<>();

    /**
     * The shape's cell automaton, or null where its regex cannot be read as one (or carries flags, which the
     * reading does not see); built once per shape and shared, as a detector is built with each engine.
     */
    static CellShape of(Pattern shape) {
        if (shape.flags() != 0) {
            return null;
        }
        return KNOWN.computeIfAbsent(shape.pattern(), regex -> {
            AutomatonSyntax.Reading r = AutomatonSyntax.read(regex);
            // Tabled: a step is one look-up, not a search of the character ranges (64K entries, once per shape).
            return r == null ? Optional.empty() : Optional.of(new CellShape(
                    new RunAutomaton(new RegExp(r.plain(), RegExp.NONE).toAutomaton(), true), r.exact(),
                    r.wordFirst(), r.wordLast()));
        }).orElse(null);
    }

    /** {@link #YES}, {@link #NO} or {@link #ASK_REGEX} for the whole of the value. */
    int verdict(String value) {
        return verdict(value, false);
    }

    /**
     * {@link #verdict} of the value with its ASCII letters in capitals when asked (for a value of ASCII
     * characters only, that of its upper-case copy), read without making the copy.
     */
    int verdict(String value, boolean capitals) {
        int state = automaton.getInitialState();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isSurrogate(c)) {
                return ASK_REGEX;
            }
            if (capitals && c >= 'a' && c <= 'z') {
                c = (char) (c - ('a' - 'A'));
            }
            state = automaton.step(state, c);
            if (state < 0) {
                return hasSurrogate(value, i + 1) ? ASK_REGEX : NO;
            }
        }
        if (!automaton.isAccept(state)) {
            return NO;
        }
        if (!exact || value.isEmpty()) {
            return ASK_REGEX;
        }
        // Java's boundary also holds beside other letters and marks; only the plain ASCII case is decided here.
        if ((wordFirst && !asciiWord(value.charAt(0))) || (wordLast && !asciiWord(value.charAt(value.length() - 1)))) {
            return ASK_REGEX;
        }
        return YES;
    }

    private static boolean hasSurrogate(String value, int from) {
        for (int i = from; i < value.length(); i++) {
            if (Character.isSurrogate(value.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean asciiWord(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }
}
