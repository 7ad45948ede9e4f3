package org.outward.detect.personal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The common shape of a recogniser: a precompiled pattern, a validator for each candidate, and context words
 * looked for in a window around it. Subclasses supply the validator and, where cheap, a pre-filter that lets
 * text without a telling character skip the regex altogether.
 */
abstract class PatternRecogniser implements Recogniser {

    private final DataKind kind;
    private final Pattern pattern;
    private final Pattern context;
    private final boolean contextRequired;
    private final int window;
    private final double baseScore;
    /** Context words as plain lower-case text, for a quick "is there any context at all" gate. */
    private final List<String> contextLiterals;

    /**
     * @param contextWords    words or phrases (regex-escaped) that make a candidate more likely; may be empty
     * @param contextRequired drop candidates with no context word in the window
     * @param window          characters looked at either side of a candidate
     */
    PatternRecogniser(DataKind kind, Pattern pattern, List<String> contextWords, boolean contextRequired,
            int window, double baseScore) {
        this.kind = kind;
        this.pattern = pattern;
        this.context = contextWords.isEmpty() ? null
                : Pattern.compile("(?i)\\b(?:" + String.join("|", contextWords) + ")\\b");
        this.contextRequired = contextRequired;
        this.window = window;
        this.baseScore = baseScore;
        this.contextLiterals = contextWords.stream()
                .map(w -> w.replace("\\", "").toLowerCase(java.util.Locale.ROOT)).toList();
    }

    @Override
    public final DataKind kind() {
        return kind;
    }

    /** Whether the candidate (the whole match) is a real value of this kind. */
    abstract boolean validate(String candidate);

    /** A cheap test that text could hold a candidate at all; true by default. */
    boolean mayContain(String text) {
        return true;
    }

    @Override
    public List<Match> find(String text) {
        if (text.isEmpty() || !mayContain(text)) {
            return List.of();
        }
        if (contextRequired && !anyContext(text)) {
            return List.of();
        }
        List<Match> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        Matcher c = context == null ? null : context.matcher(text);
        // Line by line, so the cheap pre-filter spares the regex most lines of ordinary prose.
        int from = 0;
        while (from < text.length()) {
            int newline = text.indexOf('\n', from);
            int to = newline < 0 ? text.length() : newline;
            if (to > from && mayContain(text, from, to)) {
                if (digitAnchor() < 0) {
                    m.region(from, to);
                    while (m.find()) {
                        accept(m, text, c, found);
                    }
                } else {
                    anchoredAtDigits(m, text, from, to, c, found);
                }
            }
            from = to + 1;
        }
        return found;
    }

    /**
     * Tries the pattern only where it can start: at most {@link #digitAnchor()} characters before the first
     * digit of each run of digits. A regex started at every position of every line is what made this slow;
     * most characters of prose are not within a few characters of a digit.
     */
    private void anchoredAtDigits(Matcher m, String text, int from, int to, Matcher c, List<Match> found) {
        m.useTransparentBounds(true);
        m.useAnchoringBounds(false);
        int done = from;
        int i = from;
        while (i < to) {
            char ch = text.charAt(i);
            if (ch < '0' || ch > '9' || (i > from && Character.isDigit(text.charAt(i - 1)))) {
                i++;
                continue;
            }
            int next = i + 1;
            for (int start = Math.max(done, i - digitAnchor()); start <= i; start++) {
                m.region(start, to);
                if (m.lookingAt() && accept(m, text, c, found)) {
                    done = m.end();
                    next = Math.max(next, m.end());
                    break;
                }
            }
            i = next;
        }
    }

    /** Validates a match and records it, with its context score; false when it is rejected. */
    private boolean accept(Matcher m, String text, Matcher c, List<Match> found) {
        if (!validate(m.group())) {
            return false;
        }
        boolean near = c != null && near(c, text.length(), m.start(), m.end());
        if (contextRequired && !near) {
            return false;
        }
        found.add(new Match(kind, m.start(), m.end(), near ? Math.min(1.0, baseScore + 0.3) : baseScore));
        return true;
    }

    /**
     * How many characters before its first digit a match can start, or -1 when a match need not hold a
     * digit (then the whole line is scanned).
     */
    int digitAnchor() {
        return -1;
    }

    /** Whether any context word occurs anywhere: most mail has no "date of birth" or "NHS" at all. */
    private boolean anyContext(String text) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        for (String word : contextLiterals) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** The pre-filter applied to one line [from, to) of the text. */
    boolean mayContain(String text, int from, int to) {
        return mayContain(text.substring(from, to));
    }

    private boolean near(Matcher c, int length, int start, int end) {
        c.region(Math.max(0, start - window), Math.min(length, end + window));
        return c.find();
    }

    @Override
    public boolean isValue(String cell) {
        if (cell == null) {
            return false;
        }
        String value = cell.strip();
        return !value.isEmpty() && value.length() < 64 && pattern.matcher(value).matches() && validate(value);
    }

    /** The characters of a candidate that are digits, in order. */
    static String digits(String candidate) {
        StringBuilder b = new StringBuilder(candidate.length());
        for (int i = 0; i < candidate.length(); i++) {
            char ch = candidate.charAt(i);
            if (ch >= '0' && ch <= '9') {
                b.append(ch);
            }
        }
        return b.toString();
    }

    /** Whether the text has a run of at least {@code n} characters that are digits, spaces or dashes. */
    static boolean hasDigitRun(String text, int n) {
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch >= '0' && ch <= '9') {
                if (++run >= n) {
                    return true;
                }
            } else if (ch != ' ' && ch != '-') {
                run = 0;
            }
        }
        return false;
    }
}
