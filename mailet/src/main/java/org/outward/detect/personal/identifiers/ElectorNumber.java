package org.outward.detect.personal.identifiers;

import java.util.List;
import java.util.regex.Pattern;
import org.outward.detect.personal.DataKind;
import org.outward.detect.personal.IdentifierDeclaration;

/**
 * Electoral register numbers as councils export them joined up: polling district code (1-3 letters and up to
 * two digits, e.g. {@code AB}, {@code KA1}), the elector number, and an optional suffix for a new elector
 * ({@code KA1-123/1}, {@code AB 0456}, {@code KA1/12.2}). The shape alone is as common as a room number,
 * so in text a register word must be near (Purview's 300 characters); a column of them is context enough.
 */
public final class ElectorNumber {

    private static final Pattern DISTRICT = Pattern.compile("^[A-Z]{1,3}[0-9]{0,2}[-/ .]?");
    private static final Pattern SUFFIX = Pattern.compile("[-/.]");

    public static final IdentifierDeclaration DECLARATION = new IdentifierDeclaration(
            DataKind.ELECTOR_NUMBER,
            Pattern.compile("\\b[A-Z]{1,3}[0-9]{0,2}[-/ .]?[0-9]{1,5}(?:[-/.][0-9]{1,2})?\\b"),
            ElectorNumber::notZero,
            List.of("elector number", "elector no", "electoral register", "electoral roll", "register of electors",
                    "polling district", "ENO", "PDENO", "nomination form", "council nomination"),
            List.of("eno", "elector (?:number|no|num|ref)", "electoral number", "pd ?eno", "roll (?:number|no)",
                    "elector number prefix", "register number", "rhif etholwr"),
            true, 300, 0.5, IdentifierDeclaration.Hints.column(true, true));

    private ElectorNumber() {
    }

    /**
     * The number part must be a real elector number, not zero. Every candidate of the shape in a text or a column
     * comes here: it is read by hand where the district and the number are plain ASCII (as the shape makes
     * them), as {@link #notZeroByPatterns} reads it; anything else is left to that.
     */
    static boolean notZero(String candidate) {
        int n = candidate.length();
        int at = 0;
        while (at < n && at < 3 && candidate.charAt(at) >= 'A' && candidate.charAt(at) <= 'Z') {
            at++;
        }
        if (at > 0) { // the district: 1-3 capitals, up to two digits, a separator
            for (int digits = 0; at < n && digits < 2 && isDigit(candidate.charAt(at)); digits++) {
                at++;
            }
            if (at < n && "-/ .".indexOf(candidate.charAt(at)) >= 0) {
                at++;
            }
        }
        int end = at;
        boolean nonZero = false;
        for (; end < n && "-/.".indexOf(candidate.charAt(end)) < 0; end++) {
            char ch = candidate.charAt(end);
            if (!isDigit(ch) || end - at >= 9) {
                return notZeroByPatterns(candidate); // signs, other digits, numbers past an int
            }
            nonZero |= ch != '0';
        }
        return nonZero;
    }

    private static boolean isDigit(char ch) {
        return ch >= '0' && ch <= '9';
    }

    /** What {@link #notZero} answers, read by the two patterns. */
    static boolean notZeroByPatterns(String candidate) {
        String number = DISTRICT.matcher(candidate).replaceFirst("");
        String main = SUFFIX.split(number, 2)[0];
        return !main.isEmpty() && Integer.parseInt(main) > 0;
    }
}
