package org.outward.detect.secret;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Decides whether the token after a cue could be a secret: the validator of every cue recogniser.
 *
 * <p>Other tools fire on "Your password is <em>incorrect</em>"; a cue alone is not enough, the token must
 * look like something a person could type to open a file. Rejected: tokens shorter than four characters
 * or longer than 64, ordinary words of a sentence (see {@link CommonWords}), hyphenated compounds of such
 * words ("one-time"), e-mail addresses and links (where the secret is, or a user name, not the secret),
 * placeholders ({@code <password>}, {@code xxxxxx}, {@code ********}). Accepted tokens gain confidence with
 * more character classes and more entropy, and lose some when they are a single plain word.
 */
public final class TokenJudge {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[a-z]{2,}", Pattern.CASE_INSENSITIVE);
    private static final Pattern LINK = Pattern.compile("(?i)(https?://|www\\.|/).*|.*://.*|.*\\.(com|org|uk|net|cymru|wales|example)(/.*)?");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern PLACEHOLDER = Pattern.compile("(?i)[<\\[{].*|.*(xxx|\\*\\*\\*|\\.\\.\\.|…|___).*");

    /** How words are cased: small, capitals, Capitalised, CamelCase. */
    private static final Pattern WORD_CASING = Pattern.compile("\\p{Ll}+|\\p{Lu}+|(?:\\p{Lu}\\p{Ll}+)+");
    private static final Pattern CONSONANT_RUN = Pattern.compile("(?i)[b-df-hj-np-tvxz]{5}");

    private final CommonWords words;

    public TokenJudge(CommonWords words) {
        this.words = words;
    }

    /** Judges a token (already stripped of surrounding quotes and trailing punctuation). */
    public TokenVerdict judge(String token) {
        int length = token.codePointCount(0, token.length());
        if (length < 4) {
            return TokenVerdict.no("too short");
        }
        if (length > 64) {
            return TokenVerdict.no("too long");
        }
        if (PLACEHOLDER.matcher(token).matches() || token.chars().distinct().count() == 1) {
            return TokenVerdict.no("placeholder");
        }
        if (EMAIL.matcher(token).matches() || LINK.matcher(token).matches()) {
            return TokenVerdict.no("address or link");
        }
        if (token.indexOf(' ') >= 0) {
            return judgePhrase(token.split(" +"));
        }
        if (words.isSentenceWord(token)) {
            return TokenVerdict.no("ordinary word");
        }
        String[] parts = token.split("-");
        if (parts.length > 1 && allLetters(parts)) {
            // "one-time", "password-protected": compounds of ordinary words. Three or more long words, or a
            // pair with an unusual word ("Bluebell-Harbour"), read as a passphrase.
            if (parts.length == 2) {
                return words.isSentenceWord(parts[0]) && words.isSentenceWord(parts[1])
                        ? TokenVerdict.no("ordinary compound")
                        : TokenVerdict.yes("word pair", -0.05);
            }
            return allLongerThan(parts, 3)
                    ? TokenVerdict.yes("word passphrase", 0.0)
                    : TokenVerdict.no("ordinary compound");
        }
        if (DIGITS.matcher(token).matches()) {
            return length <= 8 ? TokenVerdict.yes("digits", -0.05) : TokenVerdict.yes("long digits", -0.1);
        }
        int classes = classes(token);
        double bits = entropyBits(token);
        if (token.chars().allMatch(Character::isLetter)
                && token.substring(1).equals(token.substring(1).toLowerCase(java.util.Locale.ROOT))) {
            return TokenVerdict.yes("single word", -0.1);
        }
        if (classes >= 3 || bits >= 36) {
            return TokenVerdict.yes("strong", 0.1);
        }
        return TokenVerdict.yes("mixed", 0.05);
    }

    /** A quoted phrase is a secret when it is a run of three or more words that do not form a sentence. */
    private TokenVerdict judgePhrase(String[] parts) {
        if (parts.length < 2 || parts.length > 8) {
            return TokenVerdict.no("not a passphrase");
        }
        int functionWords = 0;
        for (String part : parts) {
            if (words.contains(part) && part.length() <= 4) {
                functionWords++;
            }
        }
        return functionWords == 0 && allLongerThan(parts, 3)
                ? TokenVerdict.yes("quoted passphrase", 0.0)
                : TokenVerdict.no("quoted sentence");
    }

    private static boolean allLetters(String[] parts) {
        for (String part : parts) {
            if (part.isEmpty() || !part.chars().allMatch(Character::isLetter)) {
                return false;
            }
        }
        return true;
    }

    private static boolean allLongerThan(String[] parts, int length) {
        for (String part : parts) {
            if (part.length() <= length) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the token is more than a plain word: letters with digits or symbols ("Kettle88"), or a PIN-like
     * run of four to eight digits. An apostrophe or hyphen alone does not count: "doesn't" and "yw'r" are words.
     */
    static boolean isMixed(String token) {
        if (DIGITS.matcher(token).matches()) {
            return token.length() >= 4 && token.length() <= 8;
        }
        boolean letter = token.chars().anyMatch(Character::isLetter);
        boolean other = token.chars().anyMatch(c -> !Character.isLetter(c) && "'’-".indexOf(c) < 0);
        return letter && other;
    }

    /**
     * Whether the token is more than a plain word: {@link #isMixed mixed}, or a run of eight or more letters
     * that no word looks like, as password tools print with digits and symbols turned off: cased as no word is
     * ("gHcyjagYlmkjm", "jKILTJUCAJVh"; words are small, capitals, Capitalised or CamelCase like "PowerPoint"),
     * or with five consonants in a row ("zbhvjwqexbs"; w and y count as vowels, as in Welsh).
     */
    static boolean isMoreThanAWord(String token) {
        if (isMixed(token)) {
            return true;
        }
        if (token.length() < 8 || !token.chars().allMatch(Character::isLetter)) {
            return false;
        }
        return !WORD_CASING.matcher(token).matches() || CONSONANT_RUN.matcher(token).find();
    }

    /** Whether the token is a plain word: letters, perhaps joined by apostrophes or hyphens ("enw'r"). */
    static boolean isPlainWord(String token) {
        return token.chars().allMatch(c -> Character.isLetter(c) || "'’-".indexOf(c) >= 0);
    }

    /** Lower, upper, digit, other: how many of the four the token uses. */
    static int classes(String token) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (int c : token.codePoints().toArray()) {
            if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else {
                other = true;
            }
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }

    /** Shannon entropy of the token's characters times its length, in bits. */
    static double entropyBits(String token) {
        Map<Integer, Integer> counts = new HashMap<>();
        int[] points = token.codePoints().toArray();
        for (int c : points) {
            counts.merge(c, 1, Integer::sum);
        }
        double perChar = 0;
        for (int count : counts.values()) {
            double p = (double) count / points.length;
            perChar -= p * (Math.log(p) / Math.log(2));
        }
        return perChar * points.length;
    }
}
