package org.outward.console;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * The days the statistics page counts: the last 7 days (the default), the last 30, or a custom range of whole UTC
 * days, as the digest counts them. "The last 7 days" are today and the six before.
 *
 * @param choice {@value #LAST_7}, {@value #LAST_30} or {@value #CUSTOM}, as the page's form sends it
 * @param first  the first day counted
 * @param last   the last day counted, included
 */
record StatisticsPeriod(String choice, LocalDate first, LocalDate last) {

    static final String LAST_7 = "7d";
    static final String LAST_30 = "30d";
    static final String CUSTOM = "custom";
    /** Two years of days at most: a table a page can hold, and more than the trail keeps by default (400 days). */
    static final int MAX_DAYS = 732;

    /** A period the page cannot count; {@link #wordKey} says why, in the page's words. */
    static final class Invalid extends IllegalArgumentException {
        private final String wordKey;

        Invalid(String wordKey) {
            super(wordKey);
            this.wordKey = wordKey;
        }

        String wordKey() {
            return wordKey;
        }
    }

    static StatisticsPeriod lastDays(int days, LocalDate today) {
        return new StatisticsPeriod(days == 30 ? LAST_30 : LAST_7, today.minusDays(days - 1L), today);
    }

    /**
     * The period a request asks for: {@code period} ({@value #LAST_7}, {@value #LAST_30} or {@value #CUSTOM} with
     * {@code from} and {@code to} as {@code YYYY-MM-DD}); none asked, the last 7 days.
     *
     * @throws Invalid for a custom range that is not two dates in order, or longer than {@value #MAX_DAYS} days
     */
    static StatisticsPeriod of(Map<String, String> query, LocalDate today) {
        String choice = query.getOrDefault("period", LAST_7);
        if (LAST_30.equals(choice)) {
            return lastDays(30, today);
        }
        if (!CUSTOM.equals(choice)) {
            return lastDays(7, today);
        }
        LocalDate first;
        LocalDate last;
        try {
            first = LocalDate.parse(query.getOrDefault("from", "").strip());
            last = LocalDate.parse(query.getOrDefault("to", "").strip());
        } catch (DateTimeParseException e) {
            throw new Invalid("stat_error_dates");
        }
        if (last.isBefore(first)) {
            throw new Invalid("stat_error_order");
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw new Invalid("stat_error_long");
        }
        return new StatisticsPeriod(CUSTOM, first, last);
    }

    /** The period's start: its first day's midnight, UTC. */
    Instant from() {
        return first.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The period's end, excluded: the midnight after its last day, UTC. */
    Instant to() {
        return last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The query that asks for this period again, e.g. for the CSV download. */
    String query() {
        return CUSTOM.equals(choice) ? "period=custom&from=" + first + "&to=" + last : "period=" + choice;
    }
}
