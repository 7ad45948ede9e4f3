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
     * whole value must be a {@link #POSTCODE} ({@link PostcodeShape#outwardEnd}, letters of either case).
     */
    static String postcode(String value) {
        String v = value.strip();
        int outwardEnd = PostcodeShape.outwardEnd(v, true);
        return outwardEnd < 0 ? masked(value)
                : v.substring(0, outwardEnd).toUpperCase(Locale.ROOT) + " " + v.charAt(v.length() - 3) + "**";
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
        if (kind.equals(DataKind.PERSON_NAME)) {
            return name(value);
        }
        return kind.equals(DataKind.POSTCODE) ? postcode(value) : masked(value);
    }
}
