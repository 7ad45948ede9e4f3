package org.outward.detect.personal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

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
    private int[][] openWords;
    private final ContextWords contextWords;
    /** A second family, whose openings are worked out only when one of its patterns is searched; null for none. */
    private final WordStarts.Family later;
    private int[][] laterOpenWords;
    private boolean[] contextWordsPresent;
    private int[] wordStarts;
    private int words;
    private int[] capitalStarts;
    private int capitals;
    private DigitRuns digitRuns;
    private String lower;

    ScannedText(String text) {
        this(text, null);
    }

    ScannedText(String text, WordStarts.Family family) {
        this(text, family, null);
    }

    ScannedText(String text, WordStarts.Family family, ContextWords contextWords) {
        this(text, family, contextWords, null);
    }

    ScannedText(String text, WordStarts.Family family, ContextWords contextWords, WordStarts.Family later) {
        this.text = text;
        this.family = family;
        this.contextWords = contextWords;
        this.later = later;
    }

    /** The context words looked for in this text all at once; null for none. */
    ContextWords contextWords() {
        return contextWords;
    }

    /** Which of {@link #contextWords()} occur in the text, by id; found on first use. */
    boolean[] contextWordsPresent() {
        if (contextWordsPresent == null) {
            contextWordsPresent = contextWords.present(this);
        }
        return contextWordsPresent;
    }

    /** For each word, which of the family's patterns may begin at its start ({@link WordStarts.Family}). */
    long[] openings() {
        if (openings == null) {
            openings = family.openings(this);
        }
        return openings;
    }

    /**
     * The words at whose start the family's pattern with this bit may begin, by index, in order
     * ({@link WordStarts.Family#openWords}); worked out for all the patterns on first use.
     */
    int[] openWords(long bit) {
        if (openWords == null) {
            openWords = family.openWords(openings());
        }
        return openWords[Long.numberOfTrailingZeros(bit)];
    }

    /**
     * The words at whose start the pattern may begin, as its family (this text's, or the one worked out only when
     * asked) says; null for a pattern in neither, whose every word start is to be tried.
     */
    int[] openWordsOf(WordStarts pattern) {
        long bit = family == null ? 0 : family.bitOf(pattern);
        if (bit != 0) {
            return openWords(bit);
        }
        bit = later == null ? 0 : later.bitOf(pattern);
        if (bit == 0) {
            return null;
        }
        if (laterOpenWords == null) {
            laterOpenWords = later.openWords(later.openings(this));
        }
        return laterOpenWords[Long.numberOfTrailingZeros(bit)];
    }

    String text() {
        return text;
    }

    int length() {
        return text.length();
    }

    DigitRuns digitRuns() {
        scan();
        return digitRuns;
    }

    /**
     * The text with its ASCII capitals made small, all else as it is: what a context pattern that ignores
     * case (ASCII case only, Java's default) can match, {@code indexOf} of its lower-case words finds here.
     */
    String lower() {
        if (lower == null) {
            char[] chars = text.toCharArray();
            for (int i = 0; i < chars.length; i++) {
                if (chars[i] >= 'A' && chars[i] <= 'Z') {
                    chars[i] += 'a' - 'A';
                }
            }
            lower = new String(chars);
        }
        return lower;
    }

    /** How many words the text has. */
    int words() {
        scan();
        return words;
    }

    /** Where word {@code w} starts: a word character with no word character before it. */
    int wordStart(int w) {
        return wordStarts[w];
    }

    /** How many words begin with a capital A-Z or a character beyond ASCII. */
    int capitals() {
        scan();
        return capitals;
    }

    /** Where the k-th word that begins with a capital (or beyond ASCII) starts. */
    int capitalStart(int k) {
        return capitalStarts[k];
    }

    /** The index of the first such word starting at or after {@code offset} ({@link #capitals()} if none). */
    int firstCapitalAtOrAfter(int offset) {
        scan();
        int at = Arrays.binarySearch(capitalStarts, 0, capitals, offset);
        return at >= 0 ? at : -at - 1;
    }

    /** The index of the first word starting at or after {@code offset} ({@link #words()} if none). */
    int firstWordAtOrAfter(int offset) {
        scan();
        int at = Arrays.binarySearch(wordStarts, 0, words, offset);
        return at >= 0 ? at : -at - 1;
    }

    /**
     * Word starts and runs of digits, found in one pass over the characters: every body is read by recognisers
     * that want both, and the characters were walked once for each. Each character's class is looked up in a
     * table (its Latin-1 byte, from one copy of the text), and the pass branches only where a character has a
     * class bit the one before lacks (a word, a capital or a run of digits may begin there): testing each
     * character against ranges mispredicted at most word edges.
     */
    private void scan() {
        if (wordStarts != null) {
            return;
        }
        int n = text.length();
        int[] starts = new int[Math.max(16, n / 5)];
        int count = 0;
        int[] capitalised = new int[16];
        int capitalCount = 0;
        DigitRuns runs = new DigitRuns(text);
        byte[] latin = latin1(text);
        int digits = 0;
        int previous = 0;
        for (int i = 0; i < n; i++) {
            int c = CLASSES[latin[i] & 0xFF];
            if (c == LOOK_AGAIN) {
                c = classOf(text.charAt(i));
            }
            if ((c & ~previous) != 0) {
                if ((c & ~previous & WORD) != 0) {
                    if (count == starts.length) {
                        starts = Arrays.copyOf(starts, count * 2);
                    }
                    starts[count++] = i;
                    if ((c & CAPITAL) != 0) {
                        if (capitalCount == capitalised.length) {
                            capitalised = Arrays.copyOf(capitalised, capitalCount * 2);
                        }
                        capitalised[capitalCount++] = i;
                    }
                }
                // A run starts at an ASCII digit not right after another digit of any script.
                if ((c & ASCII_DIGIT) != 0 && (previous & ANY_DIGIT) == 0) {
                    runs.startAt(i, digits, count - 1);
                }
            }
            digits += (c & ASCII_DIGIT) >> 1;
            previous = c;
        }
        digitRuns = runs;
        capitalStarts = capitalised;
        capitals = capitalCount;
        wordStarts = starts;
        words = count;
    }

    /** A word character ({@code \b}'s: ASCII letters and digits, underscore, letters and digits beyond). */
    private static final int WORD = 1;
    /** 0-9. */
    private static final int ASCII_DIGIT = 2;
    /** A word character that begins a capitalised word: A-Z, or any beyond ASCII. */
    private static final int CAPITAL = 4;
    /** A digit of any script. */
    private static final int ANY_DIGIT = 8;
    /** A byte that stands for '?' or for a character beyond Latin-1: the character itself is asked. */
    private static final int LOOK_AGAIN = 16;
    /** Each Latin-1 character's class. */
    private static final byte[] CLASSES = new byte[256];

    static {
        for (int b = 0; b < CLASSES.length; b++) {
            CLASSES[b] = (byte) (b == '?' ? LOOK_AGAIN : classOf((char) b));
        }
    }

    private static int classOf(char ch) {
        if (ch < 128) {
            boolean digit = ch >= '0' && ch <= '9';
            boolean capital = ch >= 'A' && ch <= 'Z';
            boolean word = digit || capital || (ch >= 'a' && ch <= 'z') || ch == '_';
            return (word ? WORD : 0) | (digit ? ASCII_DIGIT | ANY_DIGIT : 0) | (capital ? CAPITAL : 0);
        }
        return (Character.isLetterOrDigit(ch) ? WORD | CAPITAL : 0) | (Character.isDigit(ch) ? ANY_DIGIT : 0);
    }

    /**
     * The text as one Latin-1 byte per character ('?' for a character beyond): for most mail a copy of the
     * string's own bytes. A pair of surrogates becomes one '?' in the encoding, so a text with any is mapped
     * character by character instead, keeping each at its offset.
     */
    private static byte[] latin1(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        if (bytes.length == text.length()) {
            return bytes;
        }
        bytes = new byte[text.length()];
        for (int i = 0; i < bytes.length; i++) {
            char ch = text.charAt(i);
            bytes[i] = (byte) (ch <= 0xFF ? ch : '?');
        }
        return bytes;
    }
}
