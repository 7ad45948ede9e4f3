package org.outward.detect.personal;

import java.util.function.IntPredicate;
import java.util.regex.Matcher;

/**
 * {@link Matcher#find()} for patterns that can only begin at the start of a word with an ASCII letter (the
 * name patterns, the special category cues): the pattern is tried only there, not at every character. It
 * finds the same matches in the same order as {@code find()}; prose has about one such place in five.
 */
final class WordStarts {

    private WordStarts() {
    }

    /**
     * The next match starting at or after {@code from}, as {@code find()} would give it; the matcher then
     * holds the match. The matcher must have been made for {@code text}.
     *
     * @param capitalOnly whether the pattern begins with a capital letter only
     */
    static boolean find(Matcher m, CharSequence text, int from, boolean capitalOnly) {
        return find(m, text, from, capitalOnly, i -> true);
    }

    /**
     * As {@link #find(Matcher, CharSequence, int, boolean)}, trying the pattern only at word starts the
     * caller's cheap test admits; the test must admit every place where the pattern can match.
     */
    static boolean find(Matcher m, CharSequence text, int from, boolean capitalOnly, IntPredicate mayStartAt) {
        m.useTransparentBounds(true);
        m.useAnchoringBounds(false);
        int n = text.length();
        for (int i = from; i < n; i++) {
            char ch = text.charAt(i);
            boolean letter = (ch >= 'A' && ch <= 'Z') || (!capitalOnly && ch >= 'a' && ch <= 'z');
            if (letter && (i == 0 || !isWordChar(text.charAt(i - 1))) && mayStartAt.test(i)) {
                m.region(i, n);
                if (m.lookingAt()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Where the search after the current match goes on, as {@code find()} would. */
    static int after(Matcher m) {
        return m.end() > m.start() ? m.end() : m.end() + 1;
    }

    /** A character that {@code \b} counts as part of a word (letters, digits, underscore). */
    static boolean isWordChar(char ch) {
        return ch == '_' || Character.isLetterOrDigit(ch);
    }
}
