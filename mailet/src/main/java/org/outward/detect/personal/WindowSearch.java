package org.outward.detect.personal;

import java.util.Arrays;
import java.util.regex.Matcher;

/**
 * Whether a pattern's matches in a text reach into a window of it, answered for many windows from one search
 * of the whole text. The special category cues around each record of a list, and the context words around
 * each candidate value, are such windows: they overlap, a few hundred characters each, and searching each
 * again made the work grow with the number of records times the window.
 *
 * <p>A window holds what the text holds there: a match of the whole text that overlaps the window counts.
 * A window's edge cuts words, and searching the cut part on its own made matches the text does not have
 * ("Reborn" cut to "born", "Labour" cut to "Lab") and lost ones cut in half.
 */
final class WindowSearch {

    private final WordStarts pattern;
    private final ScannedText text;
    /** Where the whole text's matches begin, in order; null until first needed. */
    private int[] begin;
    /** For each match, the furthest end of it and of the matches before it. */
    private int[] furthestEnd;

    WindowSearch(WordStarts pattern, ScannedText text) {
        this.pattern = pattern;
        this.text = text;
    }

    /** Whether a match of the pattern in the whole text overlaps [from, to). */
    boolean overlaps(int from, int to) {
        if (from >= to) {
            return false;
        }
        if (begin == null) {
            findAll();
        }
        // The last match that begins before the window's end: it, or one before it, must end inside.
        int k = Arrays.binarySearch(begin, to);
        k = (k >= 0 ? k : -k - 1) - 1;
        return k >= 0 && furthestEnd[k] > from;
    }

    /** Every word start of the text at which the pattern matches, with the furthest end so far. */
    private void findAll() {
        String s = text.text();
        Matcher m = null;
        int[] b = new int[8];
        int[] e = new int[8];
        int n = 0;
        // Where the text's family says the pattern's beginnings rule a match out, mayMatchAt would say no: only
        // the words the family leaves open are tried.
        int[] open = text.openWordsOf(pattern);
        for (int k = 0, words = open != null ? open.length : text.words(); k < words; k++) {
            int i = text.wordStart(open != null ? open[k] : k);
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
                    e[n] = Math.max(m.end(), n == 0 ? 0 : e[n - 1]);
                    n++;
                }
            }
        }
        begin = Arrays.copyOf(b, n);
        furthestEnd = Arrays.copyOf(e, n);
    }
}
