package org.outward.detect.personal;

import java.util.List;
import java.util.regex.Pattern;

/** Payment card numbers: 13-19 digits in groups, a known scheme prefix and a valid Luhn check digit. */
final class PaymentCardRecogniser extends PatternRecogniser {

    private static final Pattern SHAPE = Pattern.compile("\\b\\d(?:[ -]?\\d){12,18}\\b");

    PaymentCardRecogniser() {
        super(DataKind.PAYMENT_CARD, SHAPE, List.of("card", "visa", "mastercard", "amex", "expiry", "CVV"),
                false, 60, 0.7);
    }

    @Override
    int minDigits() {
        return 13;
    }

    @Override
    boolean validate(String candidate) {
        String digits = digits(candidate);
        return knownScheme(digits) && CheckDigit.LUHN.test(digits);
    }

    private static boolean knownScheme(String d) {
        int two = Integer.parseInt(d.substring(0, 2));
        int four = Integer.parseInt(d.substring(0, 4));
        return d.charAt(0) == '4' // Visa
                || (two >= 51 && two <= 55) || (four >= 2221 && four <= 2720) // Mastercard
                || two == 34 || two == 37 // American Express
                || four == 6011 || two == 65 // Discover
                || (four >= 3528 && four <= 3589) // JCB
                || two == 50 || (two >= 56 && two <= 69); // Maestro
    }

    @Override
    int maxDigits() {
        return 19;
    }

    @Override
    int digitAnchor() {
        return 0;
    }
}
