package org.outward.detect.personal;

import java.util.Arrays;
import java.util.regex.Matcher;

/**
 * Whether a pattern has a match in a window of one text, the window searched as if it were a text of its own
 * ({@code find()} on the substring), answered for many windows from one search of the whole text. The
 * special category cues around each record of a list, and the context words around each candidate value,
 * are such windows: they overlap, a few hundred characters each, and searching each again made the work
 * grow with the number of records times the window.
 *
 * <p>The answer is the substring's, edges included. A match of the whole text that lies within the window
 * is a match there (what the attempt read lies in the window; an earlier alternative that read past the
 * window's end could only have matched sooner). An attempt that starts further than the pattern's
 * {@link WordStarts#reach()} from the window's end reads nothing outside the window, so it ends as in the
 * whole text. The attempts left, at the window's first character and close to its end, are made again
 * within the window. A pattern whose reach is not known is searched window by window.
 */
final class WindowSearch {

    private final WordStarts pattern;
    private final ScannedText text;
    /** Where the whole text's matches begin and end, in order; null until first needed. */
    private int[] begin;
    private int[] end;
    private Matcher matcher;

    WindowSearch(WordStarts pattern, ScannedText text) {
        this.pattern = pattern;
        this.text = text;
    }

    /** Whether {@code text.substring(from, to)} has a match of the pattern. */
    boolean in(int from, int to) {
        if (from >= to) {
            return false;
        }
        if (pattern.reach() < 0) {
            ScannedText part = text.slice(from, to);
            return pattern.matches(part).find();
        }
        if (begin == null) {
            findAll();
        }
        return fits(from, to) || atEdges(from, to);
    }

    /** Every word start of the text at which the pattern matches, with the match's end. */
    private void findAll() {
        String s = text.text();
        Matcher m = null;
        int[] b = new int[8];
        int[] e = new int[8];
        int n = 0;
        // Where the text's family says the pattern's beginnings rule a match out, mayMatchAt would say no.
        long bit = text.family() == null ? 0 : text.family().bitOf(pattern);
        long[] openings = bit == 0 ? null : text.openings();
        for (int w = 0, words = text.words(); w < words; w++) {
            if (openings != null && (openings[w] & bit) == 0) {
                continue;
            }
            int i = text.wordStart(w);
            if (pattern.mayMatchAt(s, i)) {
                if (m == null) {
                    m = pattern.pattern().matcher(s);
                    m.useTransparentBounds(true);
                    m.useAnchoringBounds(false);
                }
                m.region(i, s.length());
                if (m.lookingAt()) {
                    if (n == b.length) {
                        b = Arrays.copyOf(b, n * 2);
                        e = Arrays.copyOf(e, n * 2);
                    }
                    b[n] = i;
                    e[n++] = m.end();
                }
            }
        }
        begin = Arrays.copyOf(b, n);
        end = Arrays.copyOf(e, n);
    }

    private boolean fits(int from, int to) {
        int k = Arrays.binarySearch(begin, from);
        for (k = k >= 0 ? k : -k - 1; k < begin.length && begin[k] < to; k++) {
            if (end[k] <= to) {
                return true;
            }
        }
        return false;
    }

    /**
     * The attempts the whole text's search does not answer for the window: at its first character (unless
     * that is the text's), and close to its end (unless that is the text's end, where the window reads what
     * the whole text reads).
     */
    private boolean atEdges(int from, int to) {
        String s = text.text();
        if (from == 0 && to == s.length()) {
            return false; // the window is the text: its matches were all found
        }
        if (matcher == null) {
            matcher = pattern.pattern().matcher(s);
            matcher.useTransparentBounds(false);
            matcher.useAnchoringBounds(true);
        }
        if (WordStarts.isWordChar(s.charAt(from)) && attempt(from, to)) {
            return true;
        }
        if (to == s.length()) {
            return false;
        }
        for (int w = text.firstWordAtOrAfter(Math.max(from + 1, to - pattern.reach())); w < text.words()
                && text.wordStart(w) < to; w++) {
            if (attempt(text.wordStart(w), to)) {
                return true;
            }
        }
        return false;
    }

    /**
     * One attempt at i within [i, to). The hand-written tests look at a few characters only: when those are
     * all inside the window they answer as they would in the window alone, and spare the regex.
     */
    private boolean attempt(int i, int to) {
        if (i + WordStarts.LOOK < to && !pattern.mayMatchAt(text.text(), i)) {
            return false;
        }
        matcher.region(i, to);
        return matcher.lookingAt();
    }
}
