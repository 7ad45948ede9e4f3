package org.outward.detect.personal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The check-digit schemes a declared identifier can name as its validator, by the word used in a policy file
 * ({@code luhn}, {@code mod11}, {@code mod97}, {@code none}). Each tests the digits of a candidate (letters
 * count where the scheme gives them values, as IBAN's mod 97 does); a candidate too short for its scheme
 * fails.
 */
public enum CheckDigit implements Predicate<String> {
    /** No check digit: the shape and context decide. */
    NONE {
        @Override
        public boolean test(String candidate) {
            return true;
        }
    },
    /** Luhn (payment cards, IMEI, many member and customer numbers): every second digit from the right doubled. */
    LUHN {
        @Override
        public boolean test(String candidate) {
            String digits = digitsOf(candidate);
            if (digits.length() < 2) {
                return false;
            }
            int sum = 0;
            boolean doubled = false;
            for (int i = digits.length() - 1; i >= 0; i--) {
                int d = digits.charAt(i) - '0';
                if (doubled) {
                    d = d * 2 > 9 ? d * 2 - 9 : d * 2;
                }
                sum += d;
                doubled = !doubled;
            }
            return sum % 10 == 0;
        }
    },
    /**
     * Modulus 11 with weights falling to 2 on every digit but the last, which is 11 minus the remainder (11
     * meaning 0, 10 never valid): the NHS number's scheme, used for many reference numbers.
     */
    MOD11 {
        @Override
        public boolean test(String candidate) {
            String digits = digitsOf(candidate);
            int n = digits.length();
            if (n < 2) {
                return false;
            }
            int sum = 0;
            for (int i = 0; i < n - 1; i++) {
                sum += (digits.charAt(i) - '0') * (n - i);
            }
            int check = 11 - sum % 11;
            if (check == 11) {
                check = 0;
            }
            return check != 10 && check == digits.charAt(n - 1) - '0';
        }
    },
    /**
     * ISO 7064 MOD 97-10 as IBANs use it: the first four characters moved to the end, letters as 10-35, and
     * the whole number leaves 1 when divided by 97.
     */
    MOD97 {
        @Override
        public boolean test(String candidate) {
            StringBuilder chars = new StringBuilder();
            for (int i = 0; i < candidate.length(); i++) {
                char c = candidate.charAt(i);
                if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
                    chars.append(Character.toUpperCase(c));
                }
            }
            if (chars.length() < 5) {
                return false;
            }
            String rotated = chars.substring(4) + chars.substring(0, 4);
            int remainder = 0;
            for (int i = 0; i < rotated.length(); i++) {
                int value = Character.digit(rotated.charAt(i), 36);
                remainder = value < 10 ? (remainder * 10 + value) % 97 : (remainder * 100 + value) % 97;
            }
            return remainder == 1;
        }
    };

    /** Whether the candidate, as matched in text, passes this scheme. */
    @Override
    public abstract boolean test(String candidate);

    /** The word a policy file uses for this scheme. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The scheme a policy file names, if there is one by that word. */
    public static Optional<CheckDigit> named(String word) {
        return Arrays.stream(values()).filter(v -> v.word().equals(word)).findFirst();
    }

    /** Every word a policy file may use, for error messages and the schema. */
    public static List<String> words() {
        return Arrays.stream(values()).map(CheckDigit::word).toList();
    }

    /** The characters of a candidate that are digits, in order. */
    static String digitsOf(String candidate) {
        StringBuilder digits = new StringBuilder(candidate.length());
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        return digits.toString();
    }
}
