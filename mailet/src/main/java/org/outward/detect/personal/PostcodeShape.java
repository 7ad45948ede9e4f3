package org.outward.detect.personal;

import java.util.Set;

/**
 * The UK postcode's shape and rules, read by hand: Royal Mail's format rules and the list of postcode areas,
 * so "QX1 1AA" or "ZZ9 9ZZ" are rejected although they have the shape. The postcode declaration uses them;
 * street addresses and evidence read the shape too.
 */
public final class PostcodeShape {

    /**
     * The declaration's shape read by hand at a word start: every address in a body has a postcode, and each
     * was a regex started with all its groups reset. RecognisersTest compares it with the regex.
     */
    public static final HandReading READING = new HandReading() {
        @Override
        public int end(String text, int i, int to) {
            return shapeEnd(text, i, to, false);
        }
    };

    /** The 121 postcode areas in use (plus the Crown dependencies, which share the format). */
    static final Set<String> AREAS = Set.of("AB", "AL", "B", "BA", "BB", "BD", "BH", "BL", "BN", "BR",
            "BS", "BT", "CA", "CB", "CF", "CH", "CM", "CO", "CR", "CT", "CV", "CW", "DA", "DD", "DE", "DG", "DH",
            "DL", "DN", "DT", "DY", "E", "EC", "EH", "EN", "EX", "FK", "FY", "G", "GL", "GU", "GY", "HA", "HD",
            "HG", "HP", "HR", "HS", "HU", "HX", "IG", "IM", "IP", "IV", "JE", "KA", "KT", "KW", "KY", "L", "LA",
            "LD", "LE", "LL", "LN", "LS", "LU", "M", "ME", "MK", "ML", "N", "NE", "NG", "NN", "NP", "NR", "NW",
            "OL", "OX", "PA", "PE", "PH", "PL", "PO", "PR", "RG", "RH", "RM", "S", "SA", "SE", "SG", "SK", "SL",
            "SM", "SN", "SO", "SP", "SR", "SS", "ST", "SW", "SY", "TA", "TD", "TF", "TN", "TQ", "TR", "TS", "TW",
            "UB", "W", "WA", "WC", "WD", "WF", "WN", "WR", "WS", "WV", "YO", "ZE");

    /** {@link #AREAS} of one letter, and of two as a table indexed by the letters (A-Z each). */
    private static final String ONE_LETTER_AREAS = oneLetterAreas();
    private static final boolean[] TWO_LETTER_AREAS = twoLetterAreas();


    private static String oneLetterAreas() {
        StringBuilder one = new StringBuilder();
        AREAS.stream().filter(a -> a.length() == 1).sorted().forEach(one::append);
        return one.toString();
    }

    private static boolean[] twoLetterAreas() {
        boolean[] two = new boolean[26 * 26];
        for (String area : AREAS) {
            if (area.length() == 2) {
                two[(area.charAt(0) - 'A') * 26 + (area.charAt(1) - 'A')] = true;
            }
        }
        return two;
    }

    private PostcodeShape() {
    }

    /**
     * The candidate has the pattern's shape: an outward code, at most one space, a digit and two capitals.
     * Read in place (a column of postcodes has every cell validated, and every address in a body one postcode).
     */
    public static boolean valid(String candidate) {
        int n = candidate.length();
        int outwardEnd = candidate.charAt(n - 4) == ' ' ? n - 4 : n - 3;
        int letters = Character.isLetter(candidate.charAt(1)) ? 2 : 1;
        if (!isArea(candidate, letters)) {
            return false;
        }
        if (outwardEnd > letters + 1) {
            char last = candidate.charAt(outwardEnd - 1);
            // A9A districts (London) end in A-H,J,K,P,S,T,U,W; AA9A districts in A,B,E,H,M,N,P,R,V,W,X,Y.
            if (Character.isLetter(last)) {
                String allowed = letters == 1 ? "ABCDEFGHJKPSTUW" : "ABEHMNPRVWXY";
                if (allowed.indexOf(last) < 0) {
                    return false;
                }
            }
        }
        // The inward letters never use C, I, K, M, O or V (they look like other characters when handwritten).
        for (int i = n - 2; i < n; i++) {
            if ("CIKMOV".indexOf(candidate.charAt(i)) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether the value's first one or two letters are a postcode area in use. */
    private static boolean isArea(String value, int letters) {
        return letters == 1 ? ONE_LETTER_AREAS.indexOf(value.charAt(0)) >= 0
                : TWO_LETTER_AREAS[(value.charAt(0) - 'A') * 26 + (value.charAt(1) - 'A')];
    }

    /**
     * The shape read at word start i: one or two capitals, a digit, then, as the regex tries them, a digit or
     * capital or not, a space or not, and the inward code (a digit and two capitals) ending a word; with {@code textEndsAtTo} the text is taken to end at {@code to}, as a
     * matcher with opaque bounds sees it (a word cut there ends there).
     */
    static int shapeEnd(String text, int i, int to, boolean textEndsAtTo) {
        int letters = 0;
        while (i + letters < to && letters < 3 && isCapital(text.charAt(i + letters))) {
            letters++;
        }
        // [A-Z]{1,2} then a digit: a third capital, or a capital where the digit should be, fails either way.
        int district = i + letters;
        if (letters < 1 || letters > 2 || district >= to || !isDigit(text.charAt(district))) {
            return -1;
        }
        for (int extra = 1; extra >= 0; extra--) {
            int at = district + 1;
            if (extra == 1) {
                if (at >= to || !(isDigit(text.charAt(at)) || isCapital(text.charAt(at)))) {
                    continue;
                }
                at++;
            }
            for (int space = 1; space >= 0; space--) {
                int inward = at;
                if (space == 1) {
                    if (inward >= to || text.charAt(inward) != ' ') {
                        continue;
                    }
                    inward++;
                }
                int end = inward + 3;
                if (end <= to && isDigit(text.charAt(inward)) && isCapital(text.charAt(inward + 1))
                        && isCapital(text.charAt(inward + 2))
                        && ((textEndsAtTo && end == to) || !WordBoundary.wordGoesOn(text, end))) {
                    return end;
                }
            }
        }
        return -1;
    }

    /**
     * Whether a postcode-shaped word (valid or not) lies within [from, to) of the text, the text taken to end at
     * {@code to} and to begin at {@code from}: what the pattern without its groups finds in that region with
     * opaque bounds. Only a word that begins with a capital can be one, and the text's such words are known.
     */
    static boolean shapeWithin(ScannedText scanned, int from, int to) {
        String text = scanned.text();
        if (from < to && isCapital(text.charAt(from)) && shapeEnd(text, from, to, true) >= 0) {
            return true; // the region's first character begins a word, whatever stands before it
        }
        for (int k = scanned.firstCapitalAtOrAfter(from + 1); k < scanned.capitals(); k++) {
            int p = scanned.capitalStart(k);
            if (p >= to) {
                return false;
            }
            if (!WordBoundary.wordBefore(text, p, from) && shapeEnd(text, p, to, true) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where the outward code of a value that is wholly a postcode ends, or -1 when the value is none: the
     * inward code is the last three characters, a digit and two letters; a space before it is the optional
     * one; what comes before is the outward code, one or two letters, a digit, and a digit or letter or
     * nothing. Letters are capitals only, or ASCII letters of either case when {@code eitherCase} (evidence).
     */
    static int outwardEnd(String value, boolean eitherCase) {
        int n = value.length();
        if (n < 5 || !isDigit(value.charAt(n - 3)) || !isLetter(value.charAt(n - 2), eitherCase)
                || !isLetter(value.charAt(n - 1), eitherCase)) {
            return -1;
        }
        int outwardEnd = value.charAt(n - 4) == ' ' ? n - 4 : n - 3;
        int letters = 0;
        while (letters < outwardEnd && isLetter(value.charAt(letters), eitherCase)) {
            letters++;
        }
        if (letters < 1 || letters > 2 || letters >= outwardEnd || !isDigit(value.charAt(letters))) {
            return -1;
        }
        int rest = outwardEnd - letters - 1;
        char last = value.charAt(outwardEnd - 1);
        return rest == 0 || (rest == 1 && (isDigit(last) || isLetter(last, eitherCase))) ? outwardEnd : -1;
    }

    private static boolean isDigit(char ch) {
        return ch >= '0' && ch <= '9';
    }

    private static boolean isCapital(char ch) {
        return ch >= 'A' && ch <= 'Z';
    }

    private static boolean isLetter(char ch, boolean eitherCase) {
        return isCapital(ch) || (eitherCase && ch >= 'a' && ch <= 'z');
    }
}
