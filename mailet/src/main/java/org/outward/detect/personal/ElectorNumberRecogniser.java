package org.outward.detect.personal;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Electoral register numbers as councils export them joined up: polling district code (1-3 letters and up to
 * two digits, e.g. {@code AB}, {@code KA1}), the elector number, and an optional suffix for a new elector
 * ({@code KA1-123/1}, {@code AB 0456}, {@code KA1/12.2}). The shape alone is as common as a room number,
 * so in text a register word must be near (Purview's 300 characters); a column of them is context enough.
 */
final class ElectorNumberRecogniser extends PatternRecogniser {

    private static final Pattern SHAPE = Pattern.compile(
            "\\b[A-Z]{1,3}[0-9]{0,2}[-/ .]?[0-9]{1,5}(?:[-/.][0-9]{1,2})?\\b");

    private static final Pattern DISTRICT = Pattern.compile("^[A-Z]{1,3}[0-9]{0,2}[-/ .]?");
    private static final Pattern SUFFIX = Pattern.compile("[-/.]");

    ElectorNumberRecogniser() {
        super(DataKind.ELECTOR_NUMBER, SHAPE, List.of("elector number", "elector no", "electoral register",
                "electoral roll", "register of electors", "polling district", "ENO", "PDENO", "nomination form",
                "council nomination"), true, 300, 0.5);
    }

    @Override
    boolean validate(String candidate) {
        // The number part must be a real elector number, not zero.
        String number = DISTRICT.matcher(candidate).replaceFirst("");
        String main = SUFFIX.split(number, 2)[0];
        return !main.isEmpty() && Integer.parseInt(main) > 0;
    }

    @Override
    int maxDigits() {
        return 9;
    }

    @Override
    int digitAnchor() {
        return 4;
    }
}
