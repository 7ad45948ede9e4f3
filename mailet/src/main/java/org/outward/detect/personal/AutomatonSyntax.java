package org.outward.detect.personal;

/**
 * A Java regex rewritten in the automaton library's syntax, for working out facts about its values
 * ({@link ShapeFacts}). Zero-width {@code \b} and {@code \B} are left out (what is accepted can only widen),
 * {@code (?:} becomes a group, {@code \d}, {@code \D}, {@code \w} and {@code \s} become classes, and lazy or
 * possessive quantifiers become plain ones (they accept the same strings). Anything else that the library
 * would read differently (lookaround, flags, anchors, other escapes, nested classes) gives null.
 */
final class AutomatonSyntax {

    private static final String WORD = "A-Za-z0-9_";
    private static final String SPACE = " \t\n\u000B\f\r";

    private AutomatonSyntax() {
    }

    /** The regex in the library's syntax, or null when it cannot be read so. */
    static String of(String regex) {
        StringBuilder out = new StringBuilder(regex.length() + 16);
        boolean inClass = false;
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
                    out.append('(');
                }
                case '^', '$' -> {
                    return null;
                }
                case '?', '+' -> {
                    if (!afterQuantifier(regex, i)) {
                        out.append(c);
                    }
                }
                case '"', '<', '>', '#', '@', '~', '&' -> out.append('\\').append(c);
                default -> out.append(c);
            }
        }
        return inClass ? null : out.toString();
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
