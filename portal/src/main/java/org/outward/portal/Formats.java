package org.outward.portal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How sizes, times and addresses are shown on pages. */
final class Formats {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private Formats() {
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }

    static String time(Instant at, String language) {
        return DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm z", Locale.forLanguageTag(language)).withZone(UK).format(at);
    }

    /** Enough of an address for its owner to recognise it, not enough to harvest it from a forwarded link. */
    static String masked(String address) {
        int at = address.lastIndexOf('@');
        if (at <= 0) {
            return "…";
        }
        return address.charAt(0) + "…" + address.substring(at);
    }
}
