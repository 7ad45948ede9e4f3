package org.outward.detect.personal.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The elector number's validator, read by hand, answers as its two patterns do. */
class ElectorNumberTest {

    /** The answer, or the exception's class: a candidate the patterns cannot read throws the same either way. */
    private static String outcome(java.util.function.Predicate<String> validator, String candidate) {
        try {
            return String.valueOf(validator.test(candidate));
        } catch (RuntimeException e) {
            return e.getClass().getName();
        }
    }

    @Test
    void handReadingAnswersAsThePatterns() {
        // Made of what the shape holds and what lies beside it: capitals, digits, the separators, a sign, a
        // small letter, a digit and a letter beyond ASCII.
        String alphabet = "ABKZ0123456789000-/ .+xé٣";
        Random random = new Random(20261207);
        int checked = 0;
        for (int k = 0; k < 200_000; k++) {
            StringBuilder b = new StringBuilder();
            for (int len = 1 + random.nextInt(14); b.length() < len; ) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String candidate = b.toString();
            assertThat(outcome(ElectorNumber::notZero, candidate))
                    .as(candidate).isEqualTo(outcome(ElectorNumber::notZeroByPatterns, candidate));
            checked++;
        }
        for (String candidate : new String[] {"KA1-123/1", "AB 0456", "KA1/12.2", "AB0000", "ABC12-0/1", "AB 000.5",
                "ABCD1234", "AB1234567890", "AB123456789", "AB000000000", "A", "AB-", "KA1-/1", "AB+12", "AB١٢"}) {
            assertThat(outcome(ElectorNumber::notZero, candidate))
                    .as(candidate).isEqualTo(outcome(ElectorNumber::notZeroByPatterns, candidate));
            checked++;
        }
        assertThat(checked).isGreaterThan(200_000);
    }
}
