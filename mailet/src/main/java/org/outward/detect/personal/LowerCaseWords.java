package org.outward.detect.personal;

import java.util.Collection;

/**
 * A set of lower-case words, asked whether a stretch of a text is one of them with the case of its ASCII
 * letters ignored, without copying or lower-casing the stretch: every word of every sampled cell of a name
 * column is asked, and a substring and its lower-cased copy per word cost more than the rest of the check.
 * For a stretch of ASCII letters and caseless punctuation the answer is that of
 * {@code words.contains(stretch.toLowerCase(Locale.ROOT))}.
 */
final class LowerCaseWords {

    /** The words by their hash, open addressing: a quarter full at most, so a miss ends at the first empty slot. */
    private final String[] slots;
    private final int longest;

    /** @throws IllegalArgumentException for a word with an ASCII capital */
    LowerCaseWords(Collection<String> words) {
        int size = Integer.highestOneBit(Math.max(16, words.size() * 4) - 1) << 1;
        slots = new String[size];
        int max = 0;
        for (String word : words) {
            if (word.chars().anyMatch(ch -> ch >= 'A' && ch <= 'Z')) {
                throw new IllegalArgumentException("the words are lower case");
            }
            int slot = spread(word.hashCode()) & (size - 1);
            while (slots[slot] != null && !slots[slot].equals(word)) {
                slot = (slot + 1) & (size - 1);
            }
            slots[slot] = word;
            max = Math.max(max, word.length());
        }
        longest = max;
    }

    /** Whether text[from, to), its ASCII capitals made small, is one of the words. */
    boolean contains(String text, int from, int to) {
        if (to - from > longest) {
            return false;
        }
        int hash = 0;
        for (int i = from; i < to; i++) {
            hash = 31 * hash + lower(text.charAt(i)); // String.hashCode of the lower-cased stretch
        }
        for (int slot = spread(hash) & (slots.length - 1); slots[slot] != null; slot = (slot + 1) & (slots.length - 1)) {
            if (sameLetters(slots[slot], text, from, to)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameLetters(String word, String text, int from, int to) {
        if (word.length() != to - from) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            if (word.charAt(k) != lower(text.charAt(from + k))) {
                return false;
            }
        }
        return true;
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }

    private static char lower(char ch) {
        return ch >= 'A' && ch <= 'Z' ? (char) (ch + ('a' - 'A')) : ch;
    }
}
