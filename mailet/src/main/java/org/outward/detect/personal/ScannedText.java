package org.outward.detect.personal;

import java.util.Arrays;
import java.util.Locale;

/**
 * One text as the recognisers share it: where its words start, its runs of digits and its lower-cased copy,
 * each worked out once, on first use, instead of once per recogniser or per pattern. A body is read by a
 * dozen recognisers, four name patterns and five special category cues: walking its characters a dozen
 * times, each time asking whether a character is a letter, cost more than the patterns themselves.
 * Not thread-safe; one per text being judged.
 */
final class ScannedText {

    private final String text;
    /** The patterns searched in this text whose openings are worked out together; null for none. */
    private final WordStarts.Family family;
    private long[] openings;
    private int[] wordStarts;
    private int words;
    private DigitRuns digitRuns;
    private String lower;

    ScannedText(String text) {
        this(text, null);
    }

    ScannedText(String text, WordStarts.Family family) {
        this.text = text;
        this.family = family;
    }

    /** The family whose openings this text shares ({@link #openings()}); null for none. */
    WordStarts.Family family() {
        return family;
    }

    /** For each word, which of the family's patterns may begin at its start ({@link WordStarts.Family}). */
    long[] openings() {
        if (openings == null) {
            openings = family.openings(this);
        }
        return openings;
    }

    String text() {
        return text;
    }

    int length() {
        return text.length();
    }

    DigitRuns digitRuns() {
        if (digitRuns == null) {
            digitRuns = DigitRuns.of(text);
        }
        return digitRuns;
    }

    /** The text in lower case (ASCII and beyond, as {@code toLowerCase(Locale.ROOT)} does). */
    String lower() {
        if (lower == null) {
            lower = text.toLowerCase(Locale.ROOT);
        }
        return lower;
    }

    /**
     * The part [from, to) as a text of its own, its word starts taken from this one's: the first character
     * starts a word there if it is a word character, whatever came before it here.
     */
    ScannedText slice(int from, int to) {
        ScannedText part = new ScannedText(text.substring(from, to));
        findWordStarts();
        int first = firstWordAtOrAfter(from);
        int last = firstWordAtOrAfter(to);
        boolean cutWord = from < to && (first >= words || wordStarts[first] != from)
                && WordStarts.isWordChar(text.charAt(from));
        int[] starts = new int[last - first + (cutWord ? 1 : 0)];
        int k = 0;
        if (cutWord) {
            starts[k++] = 0;
        }
        for (int w = first; w < last; w++) {
            starts[k++] = wordStarts[w] - from;
        }
        part.wordStarts = starts;
        part.words = starts.length;
        return part;
    }

    /** How many words the text has. */
    int words() {
        findWordStarts();
        return words;
    }

    /** Where word {@code w} starts: a word character with no word character before it. */
    int wordStart(int w) {
        return wordStarts[w];
    }

    /** The index of the first word starting at or after {@code offset} ({@link #words()} if none). */
    int firstWordAtOrAfter(int offset) {
        findWordStarts();
        int at = Arrays.binarySearch(wordStarts, 0, words, offset);
        return at >= 0 ? at : -at - 1;
    }

    private void findWordStarts() {
        if (wordStarts != null) {
            return;
        }
        int[] starts = new int[Math.max(16, text.length() / 5)];
        int n = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean word = WordStarts.isWordChar(text.charAt(i));
            if (word && !inWord) {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = i;
            }
            inWord = word;
        }
        wordStarts = starts;
        words = n;
    }
}
