package org.outward.detect.personal;

import dk.brics.automaton.Automaton;
import dk.brics.automaton.RegExp;
import dk.brics.automaton.RunAutomaton;

/**
 * A {@link java.util.regex.Pattern} of the plain kind (lower-case letters, digits, spaces, classes, groups,
 * alternation, optional and counted repeats), compiled into a deterministic automaton: a string is then read
 * once, character by character, where the regex backtracked through every alternative. The numbering plan's
 * patterns and the column headers' words are of this kind; anything else is refused, so no pattern is read
 * differently from the way the regex reads it.
 */
final class PlainPattern {

    private static final String PLAIN = "abcdefghijklmnopqrstuvwxyz0123456789 ()[]{},|?-";

    private PlainPattern() {
    }

    /** The automaton that accepts exactly the strings the pattern {@code matches()}. */
    static RunAutomaton whole(String javaRegex) {
        return new RunAutomaton(automaton(javaRegex));
    }

    /** The automaton that accepts exactly the strings the pattern's {@code lookingAt()} matches a beginning of. */
    static RunAutomaton beginning(String javaRegex) {
        return new RunAutomaton(automaton(javaRegex).concatenate(Automaton.makeAnyString()));
    }

    private static Automaton automaton(String javaRegex) {
        return new RegExp(plain(javaRegex), RegExp.NONE).toAutomaton(false);
    }

    /**
     * The pattern in the automaton library's syntax: Java writes a group {@code (?:...)} and a digit
     * {@code \d}; the rest of the plain kind is written alike.
     *
     * @throws IllegalArgumentException for a pattern with anything else
     */
    static String plain(String javaRegex) {
        String plain = javaRegex.replace("(?:", "(").replace("\\d", "[0-9]");
        if (plain.contains("(?")) {
            throw new IllegalArgumentException("not a plain pattern (flags or lookaround): " + javaRegex);
        }
        for (int i = 0; i < plain.length(); i++) {
            if (PLAIN.indexOf(plain.charAt(i)) < 0) {
                throw new IllegalArgumentException("not a plain pattern: " + javaRegex);
            }
        }
        return plain;
    }
}
