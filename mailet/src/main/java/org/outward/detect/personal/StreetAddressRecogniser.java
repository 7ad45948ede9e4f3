package org.outward.detect.personal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Street addresses: a house number (or flat), one to three capitalised words and a street word. In running
 * text the score stays low unless a valid postcode follows within a line's length: a house number and a
 * street alone are as likely a venue or a delivery round.
 */
final class StreetAddressRecogniser extends PatternRecogniser {

    static final String STREET_WORDS = "Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Close|Drive|Dr|Way|Court|Ct"
            + "|Crescent|Cres|Place|Pl|Gardens|Gdns|Grove|Terrace|Hill|Park|Square|Sq|Walk|Rise|Row|Mews|View"
            + "|Green|Parade|Vale|Meadows?|Fields|Croft|Wharf|Gate|Chase|Brow|Wynd|Loan|Bank|End";
    private static final Pattern SHAPE = Pattern.compile(
            "\\b(?:(?:Flat|Apartment|Apt|Unit) \\d{1,4}[A-Za-z]?,? )?\\d{1,4}[A-Za-z]?,? (?:[A-Z][A-Za-z'’-]{1,20} ){1,3}"
            + "(?:" + STREET_WORDS + ")\\b");
    /** A postcode's shape, valid or not; after a street, it makes the street an address. */
    static final Pattern POSTCODE_AFTER = Pattern.compile("\\b[A-Z]{1,2}[0-9][0-9A-Z]? ?[0-9][A-Z]{2}\\b");
    /** How far after a street its postcode may follow: a town and county between them. */
    static final int POSTCODE_WINDOW = 80;

    StreetAddressRecogniser() {
        super(DataKind.STREET_ADDRESS, SHAPE, List.of("address", "lives at", "resident"), false, 60, 0.4);
    }

    @Override
    public List<Match> find(ScannedText scanned) {
        List<Match> found = super.find(scanned);
        if (found.isEmpty()) {
            return found;
        }
        List<Match> scored = new ArrayList<>(found.size());
        for (Match m : found) {
            boolean after = postcodeAfter(scanned, m.end());
            scored.add(after ? new Match(m.kind(), m.start(), m.end(), Math.min(1.0, m.score() + 0.4)) : m);
        }
        return scored;
    }

    /**
     * Whether a postcode-shaped word follows within {@link #POSTCODE_WINDOW} characters of a street's end: what
     * {@link #POSTCODE_AFTER} finds in that stretch searched on its own, read by hand (a regex over the stretch
     * was a quarter of this recogniser's time on everyday mail).
     */
    static boolean postcodeAfter(ScannedText scanned, int end) {
        return PostcodeShape.shapeWithin(scanned, end, Math.min(scanned.length(), end + POSTCODE_WINDOW));
    }

    /**
     * A house number (one to four digits, a letter, a comma) then a space and a capital, or a flat's word:
     * most numbers in party mail are dates, times, amounts and counts, and fail here before the regex.
     */
    @Override
    boolean mayBeginAt(String text, int i) {
        char first = text.charAt(i);
        if (first < '0' || first > '9') {
            return first == 'F' || first == 'A' || first == 'U'; // Flat, Apartment, Apt, Unit
        }
        int n = text.length();
        int at = i;
        while (at < n && at - i < 4 && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
            at++;
        }
        if (at < n && Character.isLetter(text.charAt(at)) && text.charAt(at) < 128) {
            at++;
        }
        if (at < n && text.charAt(at) == ',') {
            at++;
        }
        return at + 1 < n && text.charAt(at) == ' ' && text.charAt(at + 1) >= 'A' && text.charAt(at + 1) <= 'Z';
    }

    /**
     * {@link #STREET_WORDS} one by one, "Meadows?" as both its words, in their order, by first letter (A-Z): a
     * word is compared with the few street words of its letter, not with all fifty.
     */
    private static final String[][] STREETS_BY_FIRST = byFirstLetter(
            STREET_WORDS.replace("Meadows?", "Meadow|Meadows").split("\\|"));
    private static final String[] FLATS = {"Flat", "Apartment", "Apt", "Unit"};
    private static final int WORDS_BEFORE_STREET = 3;

    private static String[][] byFirstLetter(String[] words) {
        String[][] byFirst = new String[26][];
        for (char first = 'A'; first <= 'Z'; first++) {
            char letter = first;
            byFirst[first - 'A'] = Arrays.stream(words).filter(w -> w.charAt(0) == letter)
                    .toArray(String[]::new);
        }
        return byFirst;
    }

    @Override
    boolean byHand() {
        return true;
    }

    /**
     * The whole value as the pattern matches it. Only the match with the most words before the street word can
     * end the value: with fewer, the street word would stand where a word followed by a space does.
     */
    @Override
    boolean shapeOf(String value) {
        return !value.isEmpty() && endByHand(value, 0, value.length()) == value.length();
    }

    /**
     * The pattern, read by hand: a flat's word and number, a house number, then one to three capitalised words
     * each followed by one space, then a street word that ends a word. Each piece has one way to match (the
     * words' letters cannot be a space, a number cannot take a fifth digit), so the only choice the regex has
     * is how many words come before the street word: as many as it can, as here.
     */
    @Override
    int endByHand(String text, int i, int to) {
        int at = i;
        if (!isDigit(text.charAt(at))) {
            at = flatWord(text, at, to);
            if (at < 0 || (at = houseNumber(text, at, to)) < 0) {
                return -1;
            }
        }
        at = houseNumber(text, at, to);
        if (at < 0) {
            return -1;
        }
        int[] after = new int[WORDS_BEFORE_STREET];
        int words = 0;
        while (words < WORDS_BEFORE_STREET) {
            int end = capitalisedWord(text, at, to);
            if (end < 0 || end >= to || text.charAt(end) != ' ') {
                break;
            }
            at = end + 1;
            after[words++] = at;
        }
        for (int k = words; k >= 1; k--) {
            int end = streetWord(text, after[k - 1], to);
            if (end >= 0) {
                return end;
            }
        }
        return -1;
    }

    /** After "Flat " (or Apartment, Apt, Unit) at i; -1 when none is there. */
    private static int flatWord(String text, int i, int to) {
        for (String flat : FLATS) {
            int end = i + flat.length();
            if (end < to && text.startsWith(flat, i) && text.charAt(end) == ' ') {
                return end + 1;
            }
        }
        return -1;
    }

    /** After {@code \d{1,4}[A-Za-z]?,? } at i; -1 when no number is there. */
    static int houseNumber(String text, int i, int to) {
        int at = i;
        while (at < to && isDigit(text.charAt(at))) {
            at++;
        }
        if (at == i || at - i > 4) {
            return -1;
        }
        if (at < to && isAsciiLetter(text.charAt(at))) {
            at++;
        }
        if (at < to && text.charAt(at) == ',') {
            at++;
        }
        return at < to && text.charAt(at) == ' ' ? at + 1 : -1;
    }

    /** The end of {@code [A-Z][A-Za-z'’-]{1,20}} at i, ready for the space after it; -1 when none is there. */
    private static int capitalisedWord(String text, int i, int to) {
        if (i >= to || text.charAt(i) < 'A' || text.charAt(i) > 'Z') {
            return -1;
        }
        int at = i + 1;
        while (at < to && (isAsciiLetter(text.charAt(at)) || text.charAt(at) == '\'' || text.charAt(at) == '’'
                || text.charAt(at) == '-')) {
            at++;
        }
        return at - (i + 1) >= 1 && at - (i + 1) <= 20 ? at : -1;
    }

    /** The end of a street word at i that ends a word ({@code \b}, the next character seen as it is); -1 if none. */
    private static int streetWord(String text, int i, int to) {
        if (i >= to || text.charAt(i) < 'A' || text.charAt(i) > 'Z') {
            return -1; // every street word begins with a capital
        }
        for (String street : STREETS_BY_FIRST[text.charAt(i) - 'A']) {
            int end = i + street.length();
            if (end <= to && text.startsWith(street, i) && !WordBoundary.wordGoesOn(text, end)) {
                return end;
            }
        }
        return -1;
    }

    private static boolean isDigit(char ch) {
        return ch >= '0' && ch <= '9';
    }

    private static boolean isAsciiLetter(char ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
    }

    @Override
    boolean validate(String candidate) {
        return true;
    }

    @Override
    int digitAnchor() {
        return 10;
    }
}
