package org.outward.notice;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A password's evidence in a notice's language: the redacted token, then where in the message it was, which the
 * secret detector writes in English ({@code (subject)}, {@code (body line 3)}, {@code (quoted text, line 7)},
 * {@code (attachment (part 2), line 4)}) and a Welsh notice says in Welsh.
 */
final class PlaceWords {

    private static final Pattern PLACE = Pattern.compile(
            " \\((subject|body line (\\d+)|quoted text, line (\\d+)|attachment \\(part ([^)]*)\\), line (\\d+))\\)$");

    private PlaceWords() {
    }

    /** The evidence as a {@code cy} or {@code en} notice gives it. */
    static String in(String language, String evidence) {
        Matcher m = PLACE.matcher(evidence);
        if (!"cy".equals(language) || !m.find()) {
            return evidence;
        }
        String place;
        if (m.group(2) != null) {
            place = "corff y neges, llinell " + m.group(2);
        } else if (m.group(3) != null) {
            place = "testun a ddyfynnwyd, llinell " + m.group(3);
        } else if (m.group(4) != null) {
            place = "atodiad (rhan " + m.group(4) + "), llinell " + m.group(5);
        } else {
            place = "pwnc";
        }
        return evidence.substring(0, m.start()) + " (" + place + ")";
    }
}
