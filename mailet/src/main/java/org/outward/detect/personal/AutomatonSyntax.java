package org.outward.detect.personal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A Java regex rewritten in the automaton library's syntax, for working out facts about its values
 * ({@link ShapeFacts}). Zero-width {@code \b} and {@code \B} are left out (what is accepted can only widen),
 * {@code (?:} becomes a group, {@code \d}, {@code \D}, {@code \w} and {@code \s} become classes, and lazy or
 * possessive quantifiers become plain ones (a lazy one accepts the same whole strings, a possessive one fewer).
 * Anything else that the library would read differently (lookaround, flags, anchors, other escapes, nested
 * classes) gives null.
 *
 * <p>{@link #read} also says whether the rewriting accepts exactly the whole strings the regex
 * {@code matches()} (strings of single {@code char}s: Java reads a surrogate pair as one character), but for a
 * {@code \b} that begins or ends every match: a cell's verdict can then be the automaton's alone.
 */
final class AutomatonSyntax {

    private static final String WORD = "A-Za-z0-9_";
    private static final String SPACE = " \t\n\u000B\f\r";

    private AutomatonSyntax() {
    }

    /**
     * The regex as read here.
     *
     * @param plain      the regex in the library's syntax
     * @param exact      whether {@code plain} accepts exactly the whole strings the regex matches, once the
     *                   boundaries below hold
     * @param wordFirst  whether every match begins with a {@code \b} that was left out
     * @param wordLast   whether every match ends with a {@code \b} that was left out
     */
    record Reading(String plain, boolean exact, boolean wordFirst, boolean wordLast) {
    }

    /** The regex in the library's syntax, or null when it cannot be read so. */
    static String of(String regex) {
        Reading reading = read(regex);
        return reading == null ? null : reading.plain();
    }

    /** The regex read in the library's syntax, or null when it cannot be read so. */
    static Reading read(String regex) {
        StringBuilder out = new StringBuilder(regex.length() + 16);
        boolean inClass = false;
        boolean exact = true;
        boolean wordFirst = false;
        boolean wordLast = false;
        // Whether each open group (the regex itself first) has an alternative at its own level: a boundary
        // inside one alternative does not begin or end every match.
        Deque<Boolean> alternatives = new ArrayDeque<>(List.of(false));
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                if (i + 1 >= regex.length()) {
                    return null;
                }
                char e = regex.charAt(++i);
                String rewritten = escape(e, inClass);
                if (rewritten == null) {
                    return null;
                }
                if (e == 'b' && i == 1) {
                    wordFirst = true;
                } else if (e == 'b' && onlyClosingAfter(regex, i + 1)) {
                    wordLast = true;
                } else if (e == 'b' || e == 'B') {
                    exact = false;
                }
                out.append(rewritten);
                continue;
            }
            if (inClass) {
                if (c == '[' || (c == '&' && i + 1 < regex.length() && regex.charAt(i + 1) == '&')) {
                    return null; // a class within a class, or an intersection
                }
                if (c == ']' && !(out.charAt(out.length() - 1) == '[')) {
                    inClass = false;
                }
                out.append(literalInClass(c));
                continue;
            }
            switch (c) {
                case '[' -> {
                    inClass = true;
                    out.append(c);
                }
                case '(' -> {
                    if (i + 1 < regex.length() && regex.charAt(i + 1) == '?') {
                        if (!regex.startsWith("?:", i + 1)) {
                            return null; // lookaround, flags, named groups
                        }
                        i += 2;
                    }
                    alternatives.push(false);
                    out.append('(');
                }
                case ')' -> {
                    if (alternatives.size() < 2) {
                        return null;
                    }
                    if (alternatives.pop() && wordLast) {
                        exact = false; // the end's boundary belonged to one alternative only
                    }
                    out.append(c);
                }
                case '|' -> {
                    alternatives.pop();
                    alternatives.push(true);
                    out.append(c);
                }
                case '.' -> {
                    exact = false; // Java's dot is no line terminator
                    out.append(c);
                }
                case '^', '$' -> {
                    return null;
                }
                case '?', '+' -> {
                    if (!afterQuantifier(regex, i)) {
                        out.append(c);
                    } else if (c == '+') {
                        exact = false; // possessive: gives up no character, so accepts fewer strings
                    }
                }
                case '"', '<', '>', '#', '@', '~', '&' -> out.append('\\').append(c);
                default -> out.append(c);
            }
        }
        if (inClass || alternatives.size() != 1) {
            return null;
        }
        if (alternatives.peek() && (wordFirst || wordLast)) {
            exact = false; // a boundary at either end belonged to one alternative only
        }
        return new Reading(out.toString(), exact, wordFirst, wordLast);
    }

    /** Whether only group ends follow position i. */
    private static boolean onlyClosingAfter(String regex, int i) {
        for (int k = i; k < regex.length(); k++) {
            if (regex.charAt(k) != ')') {
                return false;
            }
        }
        return true;
    }

    /** Whether the ? or + at i makes the quantifier before it lazy or possessive. */
    private static boolean afterQuantifier(String regex, int i) {
        if (i == 0 || (i >= 2 && regex.charAt(i - 2) == '\\')) {
            return false;
        }
        char before = regex.charAt(i - 1);
        return before == '*' || before == '+' || before == '?' || before == '}';
    }

    private static String escape(char e, boolean inClass) {
        switch (e) {
            case 'b', 'B' -> {
                return inClass ? null : "";
            }
            case 'd' -> {
                return inClass ? "0-9" : "[0-9]";
            }
            case 'D' -> {
                return inClass ? null : "[^0-9]";
            }
            case 'w' -> {
                return inClass ? WORD : "[" + WORD + "]";
            }
            case 's' -> {
                return inClass ? SPACE : "[" + SPACE + "]";
            }
            default -> {
                if (Character.isLetterOrDigit(e)) {
                    return null; // \p{..}, \x.., \Q, back references and the like
                }
                return "\\" + e;
            }
        }
    }

    private static String literalInClass(char c) {
        return c == '"' || c == '\\' ? "\\" + c : String.valueOf(c);
    }
}
