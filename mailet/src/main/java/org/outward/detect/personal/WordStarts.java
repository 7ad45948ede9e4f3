package org.outward.detect.personal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link Matcher#find()} for patterns that begin with {@code \b}: the pattern is tried only at the start of a
 * word, and only where its first two characters could begin a match. Which two characters can begin a match
 * is worked out once from the pattern itself ({@link Matcher#hitEnd()} tells whether a failed match depended
 * on what came after them), so the shortcut finds exactly the matches {@code find()} finds, in the same order.
 * Name patterns begin with a capital and a small letter, cues with a handful of letter pairs: most places in
 * prose are passed over without starting the regex.
 */
final class WordStarts {

    private static final int ASCII = 128;

    /** Something every match must begin with, checked by hand at a word start before the regex is started. */
    @FunctionalInterface
    interface Opening {
        boolean at(String text, int i);
    }

    private final Pattern pattern;
    private final Opening opening;
    /** Whether a match can begin with this character followed by the end of the text. */
    private final boolean[] one = new boolean[ASCII];
    /** Whether a match can begin with this character, whatever follows. */
    private final boolean[] first = new boolean[ASCII];
    /**
     * Whether a match can begin with these two characters, bit {@code a * 128 + b}: 2 KB a pattern, where a
     * table of booleans took 16 KB, and two dozen patterns are asked at every word start.
     */
    private final long[] two = new long[ASCII * ASCII / Long.SIZE];
    /**
     * Whether no match begins with an ASCII character other than a capital (the name patterns): such a pattern
     * is tried only at the words that begin with a capital or beyond ASCII ({@link ScannedText#capitals()}).
     */
    private final boolean capitalsOnly;
    /** For patterns that ignore case, the longer beginnings their matches can have; null for the others. */
    private final Beginnings beginnings;

    WordStarts(Pattern pattern) {
        this(pattern, (text, i) -> true);
    }

    /**
     * @param opening a hand-written test that every match of the pattern passes at its start (a necessary
     *                condition only, so the matches stay those of {@code find()}): the two-letter table passes
     *                every capitalised word, and starting a regex there costs more than the test
     */
    WordStarts(Pattern pattern, Opening opening) {
        this.opening = opening;
        if (!pattern.pattern().startsWith("\\b") && !pattern.pattern().startsWith("(?i)\\b")) {
            throw new IllegalArgumentException("only patterns that begin with \\b are searched at word starts");
        }
        this.pattern = pattern;
        this.beginnings = pattern.pattern().startsWith("(?i)") ? new Beginnings(pattern) : null;
        Matcher m = pattern.matcher("");
        for (char a = 0; a < ASCII; a++) {
            if (!possible(m, String.valueOf(a))) {
                continue; // no match begins with a, whatever follows
            }
            one[a] = m.reset(String.valueOf(a)).lookingAt();
            first[a] = true;
            for (char b = 0; b < ASCII; b++) {
                if (possible(m, new String(new char[] {a, b}))) {
                    two[(a * ASCII + b) >>> 6] |= 1L << (a * ASCII + b);
                }
            }
        }
        boolean capitals = true;
        for (char a = 0; a < ASCII; a++) {
            capitals &= !first[a] || (a >= 'A' && a <= 'Z');
        }
        this.capitalsOnly = capitals;
    }

    /** Whether some text beginning with {@code start} could match: it matches, or failed only at its end. */
    private static boolean possible(Matcher m, String start) {
        m.reset(start);
        return m.lookingAt() || m.hitEnd();
    }

    Pattern pattern() {
        return pattern;
    }

    /** Whether the pattern is tried only at words that begin with a capital or beyond ASCII. */
    boolean capitalsOnly() {
        return capitalsOnly;
    }

    /**
     * Patterns that ignore case, searched in the same texts (the recognisers' context words, the special
     * category cues): which of them may begin at each word start is worked out in one walk of their joint
     * beginnings ({@link Beginnings.Union}), and each pattern's search then visits only its own.
     */
    static final class Family {

        private final Beginnings.Union union;
        /**
         * The members, member k having bit k: looked through by identity (a dozen or so), which cost less than
         * an identity map's hash of the pattern for every window search.
         */
        private final WordStarts[] members;
        private static final int[] NO_WORDS = new int[0];

        /** The patterns with beginnings among these, the first {@link Beginnings.Union#MAX} of them. */
        Family(Collection<WordStarts> patterns) {
            List<WordStarts> kept = new ArrayList<>();
            for (WordStarts p : patterns) {
                if (p.beginnings != null && !kept.contains(p) && kept.size() < Beginnings.Union.MAX) {
                    kept.add(p);
                }
            }
            members = kept.toArray(new WordStarts[0]);
            union = new Beginnings.Union(kept.stream().map(p -> p.beginnings).toList());
        }

        /** The pattern's bit in {@link #openings}; 0 for a pattern not in the family. */
        long bitOf(WordStarts pattern) {
            for (int k = 0; k < members.length; k++) {
                if (members[k] == pattern) {
                    return 1L << k;
                }
            }
            return 0;
        }

        /** For each word of the text, the bits of the patterns whose beginnings allow a match at its start. */
        long[] openings(ScannedText text) {
            long[] openings = new long[text.words()];
            String s = text.text();
            for (int w = 0; w < openings.length; w++) {
                openings[w] = union.mayBeginAt(s, text.wordStart(w));
            }
            return openings;
        }

        /**
         * For each pattern (by the index of its bit), the words of the text at whose start its beginnings allow
         * a match, in order: gathered in one pass over the openings, where each pattern's search walked all the
         * words of the text to find its few (a megabyte of text has 170,000 words, and 14 patterns).
         */
        int[][] openWords(long[] openings) {
            int[] counts = new int[members.length];
            for (long open : openings) {
                for (long bits = open; bits != 0; bits &= bits - 1) {
                    counts[Long.numberOfTrailingZeros(bits)]++;
                }
            }
            // Most patterns open at no word of a body: they share one empty array.
            int[][] words = new int[members.length][];
            for (int k = 0; k < words.length; k++) {
                words[k] = counts[k] == 0 ? NO_WORDS : new int[counts[k]];
            }
            int[] filled = new int[members.length];
            for (int w = 0; w < openings.length; w++) {
                for (long bits = openings[w]; bits != 0; bits &= bits - 1) {
                    int k = Long.numberOfTrailingZeros(bits);
                    words[k][filled[k]++] = w;
                }
            }
            return words;
        }
    }

    /** Whether the hand-written tests allow a match at word start i (the regex still decides). */
    boolean mayMatchAt(String text, int i) {
        return mayStartAt(text, i) && beginningsAllow(text, i) && opening.at(text, i);
    }

    /** Whether the pattern's longer beginnings allow a match at i (always, for a pattern without them). */
    boolean beginningsAllow(String text, int i) {
        return beginnings == null || beginnings.mayBeginAt(text, i);
    }

    /** Whether a match could begin at i, judged by the characters at i and i + 1 alone. */
    boolean mayStartAt(String text, int i) {
        char a = text.charAt(i);
        if (a >= ASCII) {
            return true;
        }
        if (!first[a]) {
            return false;
        }
        if (i + 1 >= text.length()) {
            return one[a];
        }
        char b = text.charAt(i + 1);
        return b >= ASCII || (two[(a * ASCII + b) >>> 6] & (1L << (a * ASCII + b))) != 0;
    }

    /** The matches of the pattern in a text, one after another, as {@code find()} finds them. */
    Matches matches(ScannedText text) {
        return new Matches(text, 0, text.length(), null, 0);
    }

    /**
     * The matches that begin at a word start in [from, to) and end by {@code to}, one after another; what
     * lies around them, outside the bounds, is seen by {@code \b} and lookarounds as it is.
     */
    Matches matches(ScannedText text, int from, int to) {
        return new Matches(text, from, to, null, 0);
    }

    /**
     * The matches that begin at the given word starts (in text order, before {@code to}) and end by
     * {@code to}, as {@link #matches(ScannedText, int, int)} finds them, for a caller that has already worked
     * out where the hand-written tests pass: every other word start must be one where no match begins.
     */
    Matches matchesAt(ScannedText text, int[] at, int count, int to) {
        return new Matches(text, 0, to, at, count);
    }

    /**
     * A search of one text. A match begins with {@code \b} and then a word character, so only the text's word
     * starts, found once for all patterns, can begin one. The matcher is made at the first word start that
     * passes the hand-written tests: the four name patterns search every stretch before a detail, and in most
     * of them none passes.
     */
    final class Matches {

        private final ScannedText text;
        private final int to;
        /** The word starts to try, worked out by the caller; null to walk the text's own. */
        private final int[] at;
        private final int count;
        private int next;
        private Matcher matcher;
        private int from;

        private Matches(ScannedText text, int from, int to, int[] at, int count) {
            this.text = text;
            this.from = from;
            this.to = to;
            this.at = at;
            this.count = count;
        }

        /** Finds the next match; then {@link #matcher()} holds it. */
        boolean find() {
            if (at != null) {
                while (next < count) {
                    int i = at[next++];
                    if (i >= from && i < to && lookingAt(i)) {
                        return true;
                    }
                }
                from = to + 1;
                return false;
            }
            String s = text.text();
            int words = capitalsOnly ? text.capitals() : text.words();
            int w = capitalsOnly ? text.firstCapitalAtOrAfter(from) : text.firstWordAtOrAfter(from);
            for (; w < words; w++) {
                int i = capitalsOnly ? text.capitalStart(w) : text.wordStart(w);
                if (i >= to) {
                    break;
                }
                if (mayMatchAt(s, i) && lookingAt(i)) {
                    return true;
                }
            }
            from = to + 1;
            return false;
        }

        private boolean lookingAt(int i) {
            if (matcher == null) {
                matcher = pattern.matcher(text.text());
                matcher.useTransparentBounds(true);
                matcher.useAnchoringBounds(false);
            }
            matcher.region(i, to);
            if (!matcher.lookingAt()) {
                return false;
            }
            // Where the search goes on, as find() would: after the match, or past an empty one.
            from = matcher.end() > matcher.start() ? matcher.end() : matcher.end() + 1;
            return true;
        }

        /** The matcher holding the last match found. */
        Matcher matcher() {
            return matcher;
        }
    }

    /** A character that {@code \b} counts as part of a word (letters, digits, underscore). */
    static boolean isWordChar(char ch) {
        if (ch < ASCII) {
            return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_';
        }
        return Character.isLetterOrDigit(ch);
    }
}
