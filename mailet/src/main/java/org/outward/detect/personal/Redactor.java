package org.outward.detect.personal;

import java.util.regex.Pattern;

/**
 * Turns a value into evidence a human can recognise the shape of without learning the value:
 * {@code Jane Smith} becomes {@code J*** S****}, {@code LA9 4XX} becomes {@code LA9 4**}. Findings and logs
 * carry only what comes out of here.
 */
final class Redactor {

    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}'’-]*");
    private static final Pattern POSTCODE = Pattern.compile("([A-Za-z]{1,2}[0-9][0-9A-Za-z]?) ?([0-9])[A-Za-z]{2}");

    private Redactor() {
    }

    /** Each word keeps its first letter; every other letter or digit becomes '*'. */
    static String name(String value) {
        String trimmed = value.strip();
        return WORD.matcher(trimmed).replaceAll(m -> m.group().charAt(0) + "*".repeat(m.group().length() - 1));
    }

    /** The outward code and the sector digit stay (they name an area of thousands), the unit letters go. */
    static String postcode(String value) {
        var m = POSTCODE.matcher(value.strip());
        return m.matches() ? m.group(1).toUpperCase() + " " + m.group(2) + "**" : masked(value);
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
