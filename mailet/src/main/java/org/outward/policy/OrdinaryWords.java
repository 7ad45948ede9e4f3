package org.outward.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fixed sample of ordinary English, on which a declared identifier's pattern is tried before the policy is
 * accepted. A real identifier has something words lack (digits, fixed letters, a fixed length) and matches
 * none of them; a pattern that matches more than one word in ten would find "values" in every message a
 * member writes, so the gateway would stop ordinary mail, and it is refused. One in ten, not "most", because a
 * short message has a hundred words: a pattern that matched a tenth of them would fire on all mail, while no
 * honest identifier shape comes near that share (a word-like shape of six letters or more already matches
 * nearly a fifth of the sample). The sample is the hundred commonest English words and twenty words of party
 * mail, each tried in lower case and capitalised as at the start of a sentence, so a pattern of capitalised words
 * is caught too.
 */
final class OrdinaryWords {

    private static final List<String> WORDS = List.of(
            "the", "be", "to", "of", "and", "a", "in", "that", "have", "i", "it", "for", "not", "on", "with", "he",
            "as", "you", "do", "at", "this", "but", "his", "by", "from", "they", "we", "say", "her", "she", "or", "an",
            "will", "my", "one", "all", "would", "there", "their", "what", "so", "up", "out", "if", "about", "who",
            "get", "which", "go", "me", "when", "make", "can", "like", "time", "no", "just", "him", "know", "take",
            "people", "into", "year", "your", "good", "some", "could", "them", "see", "other", "than", "then", "now",
            "look", "only", "come", "its", "over", "think", "also", "back", "after", "use", "two", "how", "our",
            "work", "first", "well", "way", "even", "new", "want", "because", "any", "these", "give", "day", "most",
            "us",
            "meeting", "thanks", "regards", "attached", "please", "leaflets", "canvass", "election", "council",
            "volunteers", "tomorrow", "evening", "morning", "office", "branch", "members", "delivery", "saturday",
            "agenda", "minutes");

    /** The sample as a line of prose, for patterns that only go wrong between words. */
    private static final String PROSE = String.join(" ", WORDS) + ".";

    private OrdinaryWords() {
    }

    /** How many words the sample has. */
    static int count() {
        return WORDS.size();
    }

    /** Whether the pattern can match nothing at all, which would put a "value" at every position of every text. */
    static boolean matchesEmpty(Pattern pattern) {
        if (pattern.matcher("").find()) {
            return true;
        }
        Matcher m = pattern.matcher(PROSE);
        while (m.find()) {
            if (m.end() == m.start()) {
                return true;
            }
        }
        return false;
    }

    /** The sample's words the pattern finds something in, in lower case or capitalised, in sample order. */
    static List<String> matchedBy(Pattern pattern) {
        List<String> matched = new ArrayList<>();
        for (String word : WORDS) {
            String capitalised = word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
            if (pattern.matcher(word).find() || pattern.matcher(capitalised).find()) {
                matched.add(word);
            }
        }
        return matched;
    }

    /** Whether so many words matched that the pattern would fire on ordinary mail. */
    static boolean tooMany(int matched) {
        return matched * 10 > WORDS.size();
    }
}
