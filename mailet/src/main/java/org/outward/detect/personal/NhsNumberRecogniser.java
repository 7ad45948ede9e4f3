package org.outward.detect.personal;

import java.util.List;
import java.util.regex.Pattern;

/**
 * NHS numbers: ten digits (often 3-3-4) with a modulus 11 check digit. One random ten-digit number in eleven
 * passes the check, so in running text a health word must be near.
 */
final class NhsNumberRecogniser extends PatternRecogniser {

    private static final Pattern SHAPE = Pattern.compile("\\b\\d{3}[ -]?\\d{3}[ -]?\\d{4}\\b");

    NhsNumberRecogniser() {
        super(DataKind.NHS_NUMBER, SHAPE, List.of("NHS", "NHS number", "NHS no", "health service", "patient"),
                true, 60, 0.6);
    }

    @Override
    int minDigits() {
        return 10;
    }

    @Override
    boolean validate(String candidate) {
        return checkDigitValid(digits(candidate));
    }

    /** Ten digits whose last is their modulus 11 check digit. */
    static boolean checkDigitValid(String ten) {
        return ten.length() == 10 && CheckDigit.MOD11.test(ten);
    }

    @Override
    int maxDigits() {
        return 10;
    }

    @Override
    int digitAnchor() {
        return 0;
    }
}
