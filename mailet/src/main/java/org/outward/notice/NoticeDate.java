package org.outward.notice;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Writes a moment in a notice's own language: Welsh month and day names in a Welsh notice, English ones in an
 * English notice, in UK time. Notices carry moments, not formatted dates, so that each language of a bilingual
 * notice can write its own.
 */
public final class NoticeDate {

    private static final String PATTERN = "EEE d MMM yyyy HH:mm";
    private static final ZoneId UK_TIME = ZoneId.of("Europe/London");
    private static final DateTimeFormatter ENGLISH = DateTimeFormatter.ofPattern(PATTERN, Locale.UK).withZone(UK_TIME);
    // Java's CLDR data has Welsh names, e.g. "Sul 22 Tach 2026".
    private static final DateTimeFormatter WELSH = DateTimeFormatter.ofPattern(PATTERN, Locale.forLanguageTag("cy-GB"))
            .withZone(UK_TIME);

    private NoticeDate() {
    }

    /** The moment in {@code cy} or {@code en} (anything else is English); empty for an unknown moment (null). */
    public static String in(String language, Instant when) {
        if (when == null) {
            return "";
        }
        return ("cy".equals(language) ? WELSH : ENGLISH).format(when);
    }
}
