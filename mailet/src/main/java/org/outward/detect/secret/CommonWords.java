package org.outward.detect.secret;

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
 * English and Welsh words that follow a password cue in ordinary sentences ("the password is
 * <em>separately</em>", "cyfrinair <em>anghywir</em>"), so they are never taken for the secret.
 *
 * <p>The list is our own ({@code common-words.txt} beside this class). A morphological rule backs it up:
 * a plain lower-case word ending like an adjective or participle ("-ed", "-ing", "-ive", ...) reads as
 * part of a sentence, not as a password, whichever word it is.
 */
public final class CommonWords {

    private static final String RESOURCE = "common-words.txt";
    private static final String[] SENTENCE_ENDINGS = {"ed", "ing", "ly", "ive", "ible", "able", "ent", "ant",
            "ous", "ful", "less", "tion", "sion", "ment", "ness", "ial", "ary", "ised", "ized", "wyd", "edig"};

    private final Set<String> words;

    private CommonWords(Set<String> words) {
        this.words = Set.copyOf(words);
    }

    /** The list shipped with Outward. */
    public static CommonWords standard() {
        try (InputStream in = CommonWords.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            Set<String> words = new HashSet<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                int hash = line.indexOf('#');
                String content = hash >= 0 ? line.substring(0, hash) : line;
                for (String word : content.trim().split("\\s+")) {
                    if (!word.isEmpty()) {
                        words.add(word.toLowerCase(Locale.ROOT));
                    }
                }
            }
            return new CommonWords(words);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Whether this word (any case) is on the list. */
    public boolean contains(String word) {
        // Mail clients turn apostrophes curly; the list is written with straight ones.
        return words.contains(word.toLowerCase(Locale.ROOT).replace('’', '\''));
    }

    /**
     * Whether this token reads as an ordinary word of a sentence: on the list, or a plain word (letters only,
     * at most its first letter upper case) with a typical adjective or participle ending.
     */
    public boolean isSentenceWord(String token) {
        if (contains(token)) {
            return true;
        }
        if (!token.chars().allMatch(Character::isLetter) || token.length() < 5) {
            return false;
        }
        if (!token.substring(1).equals(token.substring(1).toLowerCase(Locale.ROOT))) {
            return false;
        }
        String lower = token.toLowerCase(Locale.ROOT);
        for (String ending : SENTENCE_ENDINGS) {
            if (lower.endsWith(ending)) {
                return true;
            }
        }
        return false;
    }
}
