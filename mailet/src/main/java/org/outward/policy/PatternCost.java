package org.outward.policy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tries a declared identifier's pattern on long runs of the characters identifiers are made of, counting how
 * often the regular expression engine reads a character, so the gateway never takes a pattern that would make
 * mail slow to check. A pattern with a repeat inside a repeat ({@code (?:[0-9]+)+X}) backtracks exponentially,
 * and one whose unbounded repeat can take a whole run before failing ({@code [0-9]+-[0-9]{4}}) reads every
 * run once per position in it: a crafted attachment of digits would then hold the gateway for hours. A
 * well-made pattern reads each character a few times; the bar, {@value #READS_PER_CHARACTER} reads a character,
 * is far above that and far below what a quadratic pattern needs on these texts. Counting reads, not
 * measuring time, keeps the verdict the same on a loaded machine.
 */
final class PatternCost {

    private static final int LENGTH = 4_000;
    private static final int READS_PER_CHARACTER = 100;

    private static final Map<String, String> TEXTS = new LinkedHashMap<>();

    static {
        TEXTS.put("a long run of digits", "7".repeat(LENGTH));
        TEXTS.put("a long run of letters", "a".repeat(LENGTH));
        TEXTS.put("a long run of capitals", "A".repeat(LENGTH));
        TEXTS.put("a long run of letters and digits", "A1".repeat(LENGTH / 2));
        TEXTS.put("a long line of digits and dashes", "12-".repeat(LENGTH / 3));
        TEXTS.put("a long line of short words", "ab cd ".repeat(LENGTH / 6));
    }

    private PatternCost() {
    }

    /** The text the pattern is too slow on, described for the admin; empty when it is quick on all of them. */
    static Optional<String> slowOn(Pattern pattern) {
        for (Map.Entry<String, String> text : TEXTS.entrySet()) {
            Matcher matcher = pattern.matcher(new CountedText(text.getValue(), new long[] {
                    (long) READS_PER_CHARACTER * text.getValue().length()}));
            try {
                while (matcher.find()) {
                    // Only the cost of looking through the whole text counts.
                }
            } catch (TooManyReads e) {
                return Optional.of(text.getKey());
            }
        }
        return Optional.empty();
    }

    /** Text that stops the regular expression engine once it has read more characters than its budget allows. */
    private record CountedText(String text, long[] budget) implements CharSequence {

        @Override
        public char charAt(int index) {
            if (--budget[0] < 0) {
                throw new TooManyReads();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new CountedText(text.substring(start, end), budget);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    private static final class TooManyReads extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooManyReads() {
            super(null, null, false, false);
        }
    }
}
