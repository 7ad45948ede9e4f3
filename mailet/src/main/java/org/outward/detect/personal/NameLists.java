package org.outward.detect.personal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The given-name and surname lists shipped beside this class (sources and licences in their README),
 * loaded once and matched case-insensitively.
 */
final class NameLists {

    private static final Set<String> GIVEN = load("given-names.txt");
    private static final Set<String> SURNAMES = load("surnames.txt");
    /**
     * The given names as {@link #key}s in an open-addressed table (0 for an empty slot; no key is 0), asked about
     * every capitalised word before a capital: one probe or two, where a binary search took a branch per
     * halving that no predictor could learn.
     */
    private static final long[] GIVEN_KEYS = table(GIVEN);
    /** The most letters a key holds: five bits each. */
    private static final int KEY_LETTERS = 12;

    private NameLists() {
    }

    static boolean isGivenName(String word) {
        return GIVEN.contains(word.toLowerCase(Locale.ROOT));
    }

    /**
     * Whether {@code text[from, to)} is a listed given name, ignoring the case of ASCII letters, without making a
     * string of it. Every listed name is a word of ASCII letters, so nothing else can be one.
     */
    static boolean isGivenName(String text, int from, int to) {
        long key = key(text, from, to);
        if (key < 0) {
            return false;
        }
        int mask = GIVEN_KEYS.length - 1;
        for (int slot = slot(key, mask); ; slot = (slot + 1) & mask) {
            if (GIVEN_KEYS[slot] == key) {
                return true;
            }
            if (GIVEN_KEYS[slot] == 0) {
                return false;
            }
        }
    }

    private static int slot(long key, int mask) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & mask;
    }

    /**
     * A word of 1 to {@link #KEY_LETTERS} ASCII letters as a number: each letter, either case, five bits
     * (1 to 26, so no two words share one); -1 for any other word.
     */
    private static long key(String text, int from, int to) {
        if (to <= from || to - from > KEY_LETTERS) {
            return -1;
        }
        long key = 0;
        for (int i = from; i < to; i++) {
            char ch = text.charAt(i);
            int letter = ch >= 'a' && ch <= 'z' ? ch - 'a' + 1 : ch >= 'A' && ch <= 'Z' ? ch - 'A' + 1 : -1;
            if (letter < 0) {
                return -1;
            }
            key = key << 5 | letter;
        }
        return key;
    }

    /** The names' keys in a table at most a quarter full, so a probe seldom meets another key. */
    private static long[] table(Set<String> names) {
        long[] table = new long[Integer.highestOneBit(Math.max(1, names.size()) * 4) * 2];
        int mask = table.length - 1;
        for (String name : names) {
            long key = key(name, 0, name.length());
            if (key < 0) {
                throw new IllegalStateException("a listed name is not a word of at most " + KEY_LETTERS
                        + " ASCII letters");
            }
            int slot = slot(key, mask);
            while (table[slot] != 0 && table[slot] != key) {
                slot = (slot + 1) & mask;
            }
            table[slot] = key;
        }
        return table;
    }

    static boolean isSurname(String word) {
        return SURNAMES.contains(word.toLowerCase(Locale.ROOT));
    }

    static boolean isKnown(String word) {
        return isGivenName(word) || isSurname(word);
    }

    private static Set<String> load(String resource) {
        Set<String> names = new HashSet<>();
        InputStream in = NameLists.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("name list missing from the jar: " + resource);
        }
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    names.add(line.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read name list " + resource, e);
        }
        return Set.copyOf(names);
    }
}
