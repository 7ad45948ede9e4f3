package org.outward.detect.personal;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns a value into evidence a human can recognise the shape of without learning the value:
 * {@code Jane Smith} becomes {@code J*** S****}, {@code LA9 4XX} becomes {@code LA9 4**}. Findings and logs
 * carry only what comes out of here.
 */
final class Redactor {

    /** A word, as {@link #name} reads it by hand (RecognisersTest compares the two). */
    static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}'’-]*");
    /** A postcode, as {@link #postcode} reads it by hand (RecognisersTest compares the two). */
    static final Pattern POSTCODE = Pattern.compile("([A-Za-z]{1,2}[0-9][0-9A-Za-z]?) ?([0-9])[A-Za-z]{2}");

    private Redactor() {
    }

    /**
     * Each {@link #WORD} keeps its first character; every other character of it (letters, apostrophes,
     * hyphens) becomes '*'. Read by hand: every record's evidence passes here, and the regex's replaceAll
     * with a function cost as much as finding the record's name.
     */
    static String name(String value) {
        String trimmed = value.strip();
        StringBuilder redacted = new StringBuilder(trimmed.length());
        int i = 0;
        while (i < trimmed.length()) {
            int first = trimmed.codePointAt(i);
            if (!Character.isLetter(first)) {
                redacted.appendCodePoint(first);
                i += Character.charCount(first);
                continue;
            }
            int end = i + Character.charCount(first);
            while (end < trimmed.length()) {
                int next = trimmed.codePointAt(end);
                if (!Character.isLetter(next) && next != '\'' && next != '’' && next != '-') {
                    break;
                }
                end += Character.charCount(next);
            }
            // As many stars as the word has chars after its first (a letter beyond the BMP counts twice).
            redacted.append(trimmed.charAt(i)).append("*".repeat(end - i - 1));
            i = end;
        }
        return redacted.toString();
    }

    /**
     * The outward code and the sector digit stay (they name an area of thousands), the unit letters go. The
     * whole value must be a {@link #POSTCODE}: the inward code is its last three characters (a digit, two
     * letters), a space before them is the optional one, and what comes first is the outward code.
     */
    static String postcode(String value) {
        String v = value.strip();
        int n = v.length();
        if (n >= 5 && isDigit(v.charAt(n - 3)) && isLetter(v.charAt(n - 2)) && isLetter(v.charAt(n - 1))) {
            int outwardEnd = v.charAt(n - 4) == ' ' ? n - 4 : n - 3;
            if (isOutwardCode(v, outwardEnd)) {
                return v.substring(0, outwardEnd).toUpperCase(Locale.ROOT) + " " + v.charAt(n - 3) + "**";
            }
        }
        return masked(value);
    }

    /** Whether v's first {@code end} characters are one or two letters, a digit, and a letter or digit or not. */
    private static boolean isOutwardCode(String v, int end) {
        int letters = 0;
        while (letters < end && isLetter(v.charAt(letters))) {
            letters++;
        }
        if (letters < 1 || letters > 2 || letters >= end || !isDigit(v.charAt(letters))) {
            return false;
        }
        int rest = end - letters - 1;
        return rest == 0 || (rest == 1 && (isDigit(v.charAt(letters + 1)) || isLetter(v.charAt(letters + 1))));
    }

    private static boolean isDigit(char ch) {
        return ch >= '0' && ch <= '9';
    }

    private static boolean isLetter(char ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
    }

    /** Everything masked except the first character. */
    static String masked(String value) {
        String trimmed = value.strip();
        if (trimmed.isEmpty()) {
            return "";
        }
        return trimmed.charAt(0) + "*".repeat(Math.min(8, trimmed.length() - 1));
    }

    /** A value of the given kind, redacted in the way that suits it. */
    static String of(DataKind kind, String value) {
        return switch (kind) {
            case PERSON_NAME -> name(value);
            case POSTCODE -> postcode(value);
            default -> masked(value);
        };
    }
}
