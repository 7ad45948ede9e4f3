package org.outward.detect.personal;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * National Insurance numbers: two prefix letters from the allowed sets, six digits, suffix A-D, with or
 * without spaces. There is no checksum, so the prefix rules are the validator.
 */
final class NationalInsuranceRecogniser extends PatternRecogniser {

    // First letter never D, F, I, Q, U, V; second never D, F, I, O, Q, U, V.
    private static final Pattern SHAPE = Pattern.compile(
            "\\b[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\\d{2} ?\\d{2} ?\\d{2} ?[A-D]\\b");
    /** Prefixes that pass the letter rules but are never issued (or are used for temporary numbers). */
    private static final Set<String> NEVER_ISSUED = Set.of("BG", "GB", "NK", "KN", "NT", "TN", "ZZ");

    NationalInsuranceRecogniser() {
        super(DataKind.NATIONAL_INSURANCE_NUMBER, SHAPE,
                List.of("national insurance", "NI number", "NINO", "NI no", "N\\.I\\."), false, 60, 0.6);
    }

    @Override
    boolean validate(String candidate) {
        return !NEVER_ISSUED.contains(candidate.substring(0, 2));
    }

    @Override
    int minDigits() {
        return 6;
    }

    @Override
    int maxDigits() {
        return 6;
    }

    @Override
    int digitAnchor() {
        return 3;
    }
}
