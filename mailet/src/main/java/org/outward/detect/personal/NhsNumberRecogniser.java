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

    /** Weights 10 down to 2 on the first nine digits; 11 minus the remainder is the tenth (11 means 0). */
    static boolean checkDigitValid(String ten) {
        if (ten.length() != 10) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (ten.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == ten.charAt(9) - '0';
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
