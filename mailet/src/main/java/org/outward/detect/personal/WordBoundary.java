package org.outward.detect.personal;

/**
 * Java's {@code \b} as the hand-written matchers see it (the recognisers that read their pattern by hand,
 * {@link PatternRecogniser#byHand()}): a word character goes on a word, and so do combining marks on a letter
 * or digit ("e" and U+0301), which the regex counts with the letter they sit on.
 */
final class WordBoundary {

    private WordBoundary() {
    }

    /** Whether the regex sees a word going on right before i: a word character, or marks on a letter or digit. */
    static boolean wordBefore(String text, int i) {
        return wordBefore(text, i, 0);
    }

    /** {@link #wordBefore(String, int)} with the text taken to begin at {@code textStart} (opaque bounds). */
    static boolean wordBefore(String text, int i, int textStart) {
        if (i <= textStart) {
            return false;
        }
        int at = i - 1;
        while (at > textStart && isMark(text.charAt(at))) {
            at--;
        }
        char ch = text.charAt(at);
        return at == i - 1 ? WordStarts.isWordChar(ch) : Character.isLetterOrDigit(ch);
    }

    /** Whether the word that ends with a letter or digit right before {@code end} goes on at {@code end}. */
    static boolean wordGoesOn(String text, int end) {
        if (end >= text.length()) {
            return false;
        }
        char ch = text.charAt(end);
        return WordStarts.isWordChar(ch) || isMark(ch);
    }

    private static boolean isMark(char ch) {
        return Character.getType(ch) == Character.NON_SPACING_MARK;
    }
}
