package org.outward.detect.personal;

import java.util.Arrays;

/**
 * Where runs of digits start in a text, found in one pass and shared by the recognisers whose values hold a
 * digit. Prose has few digits: anchoring each pattern at these few places, instead of trying it at every
 * character of every line, is what lets detection keep pace with the mail. Holds offsets only.
 */
final class DigitRuns {

    /** Offsets of the first digit of each run. */
    private int[] starts = new int[16];
    /** Digits from each start up to the first character that is not a digit, a space or a dash. */
    private int[] digits = new int[16];
    /** The line [lineStart, lineEnd) each run is on: patterns never reach across a line. */
    private int[] lineStarts = new int[16];
    private int[] lineEnds = new int[16];
    /** The index of the text's last word start at or before each run's first digit (the word it is in). */
    private int[] words = new int[16];
    private int size;

    private final String text;
    /** The line of the latest run, moved forward with indexOf only when a run lies beyond it. */
    private int lineStart;
    private int lineEnd;
    /** Where the latest stretch of digits, spaces and dashes ends, and how many ASCII digits come before that. */
    private int stretchEnd = -1;
    private int digitsToStretchEnd;

    /** No runs yet: {@link ScannedText} adds them as its one pass over the text meets them. */
    DigitRuns(String text) {
        this.text = text;
        this.lineEnd = lineEnd(text, 0);
    }

    /** The runs of a text, on their own (for tests). */
    static DigitRuns of(String text) {
        return new ScannedText(text).digitRuns();
    }

    /**
     * Adds the run whose first digit is at i (an ASCII digit after no digit), the text having
     * {@code digitsBefore} ASCII digits before i and the run's first digit being in word {@code word}; runs
     * come in text order. A column of figures is one stretch of digits and spaces holding many runs: its end
     * is found once, not once per run.
     */
    void startAt(int i, int digitsBefore, int word) {
        while (i > lineEnd) {
            lineStart = lineEnd + 1;
            lineEnd = lineEnd(text, lineStart);
        }
        if (i >= stretchEnd) {
            int end = i;
            int digits = digitsBefore;
            for (; end < text.length(); end++) {
                char ch = text.charAt(end);
                if (ch >= '0' && ch <= '9') {
                    digits++;
                } else if (ch != ' ' && ch != '-') {
                    break;
                }
            }
            stretchEnd = end;
            digitsToStretchEnd = digits;
        }
        add(i, digitsToStretchEnd - digitsBefore, lineStart, lineEnd, word);
    }

    /** Where the line from {@code from} ends: its LF, or the end of the text. */
    private static int lineEnd(String text, int from) {
        int newline = text.indexOf('\n', from);
        return newline < 0 ? text.length() : newline;
    }

    private void add(int start, int count, int lineStart, int lineEnd, int word) {
        if (size == starts.length) {
            int grown = size * 2;
            starts = Arrays.copyOf(starts, grown);
            digits = Arrays.copyOf(digits, grown);
            lineStarts = Arrays.copyOf(lineStarts, grown);
            lineEnds = Arrays.copyOf(lineEnds, grown);
            words = Arrays.copyOf(words, grown);
        }
        starts[size] = start;
        digits[size] = count;
        lineStarts[size] = lineStart;
        lineEnds[size] = lineEnd;
        words[size] = word;
        size++;
    }

    int size() {
        return size;
    }

    int start(int run) {
        return starts[run];
    }

    int digits(int run) {
        return digits[run];
    }

    int lineStart(int run) {
        return lineStarts[run];
    }

    int lineEnd(int run) {
        return lineEnds[run];
    }

    /** The index of the word start the run's first digit is in (the last at or before it). */
    int word(int run) {
        return words[run];
    }

    /** Whether some run holds at least {@code n} digits. */
    boolean any(int n) {
        for (int r = 0; r < size; r++) {
            if (digits[r] >= n) {
                return true;
            }
        }
        return false;
    }
}
