package org.outward.detect.personal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The recognisers' context words as plain lower-case text ("date of birth", "sort code", "nhs"), all looked for
 * in one pass over a text's word starts. A recogniser whose values count only beside its words asks first
 * whether any of them occurs at all, and a dozen recognisers ask: looking once for all of them is cheaper
 * than each asking word by word. A word occurs when a word of the text begins with it, the case
 * of its ASCII letters ignored: every match of a context pattern in the text (which begins with {@code \b}
 * and ignores ASCII case only) is such an occurrence, so nothing the patterns find is missed.
 */
final class ContextWords {

    private static final int ASCII = 128;

    private final String[] words;
    private final Map<String, Integer> ids = new HashMap<>();
    private final Map<PatternRecogniser, int[]> idsOf = new IdentityHashMap<>();
    /** The words by their first two characters (lower case, ASCII): index first * 128 + second. */
    private final Bucket[] byFirstTwo = new Bucket[ASCII * ASCII];
    /** Which two first characters begin some word, one bit each. */
    private final long[] beginsSome = new long[ASCII * ASCII / Long.SIZE];

    /** @throws IllegalArgumentException for a word shorter than two characters or with a capital letter */
    ContextWords(Collection<String> words) {
        this.words = new LinkedHashSet<>(words).toArray(new String[0]);
        List<List<Integer>> buckets = new ArrayList<>();
        for (int k = 0; k < ASCII * ASCII; k++) {
            buckets.add(null);
        }
        for (int id = 0; id < this.words.length; id++) {
            String word = this.words[id];
            if (word.length() < 2 || word.chars().anyMatch(ch -> ch >= 'A' && ch <= 'Z')) {
                throw new IllegalArgumentException("context words are lower case, two characters or more");
            }
            ids.put(word, id);
            if (word.charAt(0) >= ASCII || word.charAt(1) >= ASCII) {
                throw new IllegalArgumentException("context words begin with two ASCII characters");
            }
            int key = word.charAt(0) * ASCII + word.charAt(1);
            if (buckets.get(key) == null) {
                buckets.set(key, new ArrayList<>());
            }
            buckets.get(key).add(id);
        }
        for (int key = 0; key < buckets.size(); key++) {
            if (buckets.get(key) != null) {
                byFirstTwo[key] = Bucket.of(buckets.get(key), this.words);
                beginsSome[key >>> 6] |= 1L << key;
            }
        }
    }

    /**
     * The words that begin with the same two characters, and which third characters they go on with: many
     * words of prose begin like a context word ("me" of meeting, member of membership number) and go on
     * otherwise, and the third character tells most of them apart without comparing each word.
     *
     * @param third bit c of third[c >> 6] for each third character c; every bit for a word of two characters
     *              (and for a third character beyond ASCII, where one of the words has one)
     */
    private record Bucket(long[] third, int[] ids) {

        static Bucket of(List<Integer> ids, String[] words) {
            long[] third = new long[2];
            for (int id : ids) {
                String word = words[id];
                if (word.length() == 2 || word.charAt(2) >= ASCII) {
                    third[0] = -1L;
                    third[1] = -1L;
                } else {
                    third[word.charAt(2) >> 6] |= 1L << word.charAt(2);
                }
            }
            return new Bucket(third, ids.stream().mapToInt(Integer::intValue).toArray());
        }

        /** Whether some word here may go on with this third character (or none, at the end of a text). */
        boolean mayGoOnWith(char third) {
            return third >= ASCII ? this.third[0] == -1L && this.third[1] == -1L
                    : (this.third[third >> 6] & (1L << third)) != 0;
        }
    }

    /** The words of the recognisers of a registry. */
    static ContextWords of(RecogniserRegistry registry) {
        List<String> all = new ArrayList<>();
        for (Recogniser r : registry.all()) {
            if (r instanceof PatternRecogniser p) {
                all.addAll(p.contextLiterals());
            }
        }
        ContextWords words = new ContextWords(all);
        for (Recogniser r : registry.all()) {
            if (r instanceof PatternRecogniser p) {
                words.idsOf.put(p, p.contextLiterals().stream().mapToInt(words::id).toArray());
            }
        }
        return words;
    }

    /**
     * The ids of a recogniser's words, null for a recogniser whose words were not given: asked once per
     * recogniser and text, where looking each word up by its text cost a hash of it every time.
     */
    int[] idsOf(PatternRecogniser recogniser) {
        return idsOf.get(recogniser);
    }

    /** The word's id in {@link #present}; -1 for a word not held here. */
    int id(String word) {
        return ids.getOrDefault(word, -1);
    }

    /**
     * Which words begin at one of the text's word starts, by id (a word counts as present when the text there
     * begins with it, whatever follows). A context word counts only where the text has a word boundary before
     * it, as the context patterns' {@code \b} sees the whole text, so only word starts are looked at: about
     * one character in six of prose.
     */
    boolean[] present(ScannedText text) {
        boolean[] present = new boolean[words.length];
        String s = text.text();
        int n = s.length();
        for (int w = 0, words = text.words(); w < words; w++) {
            int p = text.wordStart(w);
            if (p + 1 >= n) {
                break;
            }
            char first = lower(s.charAt(p));
            char second = lower(s.charAt(p + 1));
            int key = first * ASCII + second;
            // Most words begin no context word: a bit in a small table says so without touching the buckets.
            if (first < ASCII && second < ASCII && (beginsSome[key >>> 6] & (1L << key)) != 0
                    && (p + 2 >= n || byFirstTwo[key].mayGoOnWith(lower(s.charAt(p + 2))))) {
                for (int id : byFirstTwo[key].ids()) {
                    if (!present[id] && occursAt(s, p, this.words[id])) {
                        present[id] = true;
                    }
                }
            }
        }
        return present;
    }

    private static boolean occursAt(String text, int p, String word) {
        if (p + word.length() > text.length()) {
            return false;
        }
        for (int k = 2; k < word.length(); k++) {
            if (lower(text.charAt(p + k)) != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static char lower(char ch) {
        return ch >= 'A' && ch <= 'Z' ? (char) (ch + ('a' - 'A')) : ch;
    }
}
