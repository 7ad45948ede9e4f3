package org.outward.detect.personal.identifiers;

import java.util.List;
import java.util.regex.Pattern;
import org.outward.detect.personal.CheckDigit;
import org.outward.detect.personal.DataKind;
import org.outward.detect.personal.IdentifierDeclaration;

/** Payment card numbers: 13-19 digits in groups, a known scheme prefix and a valid Luhn check digit. */
public final class PaymentCard {

    public static final IdentifierDeclaration DECLARATION = new IdentifierDeclaration(
            DataKind.PAYMENT_CARD,
            Pattern.compile("\\b\\d(?:[ -]?\\d){12,18}\\b"),
            CheckDigit.LUHN.and(PaymentCard::knownScheme),
            List.of("card", "visa", "mastercard", "amex", "expiry", "CVV"),
            List.of("card (?:number|no)", "card", "pan"),
            false, 60, 0.7);

    private PaymentCard() {
    }

    private static boolean knownScheme(String candidate) {
        StringBuilder digits = new StringBuilder(19);
        candidate.chars().filter(c -> c >= '0' && c <= '9').forEach(c -> digits.append((char) c));
        String d = digits.toString();
        int two = Integer.parseInt(d.substring(0, 2));
        int four = Integer.parseInt(d.substring(0, 4));
        return d.charAt(0) == '4' // Visa
                || (two >= 51 && two <= 55) || (four >= 2221 && four <= 2720) // Mastercard
                || two == 34 || two == 37 // American Express
                || four == 6011 || two == 65 // Discover
                || (four >= 3528 && four <= 3589) // JCB
                || two == 50 || (two >= 56 && two <= 69); // Maestro
    }
}
