package org.outward.detect.personal.identifiers;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.outward.detect.personal.DataKind;
import org.outward.detect.personal.IdentifierDeclaration;

/**
 * National Insurance numbers: two prefix letters from the allowed sets, six digits, suffix A-D, with or
 * without spaces. There is no check digit, so the prefix rules are the validator.
 */
public final class NationalInsuranceNumber {

    /** Prefixes that pass the letter rules but are never issued (or are used for temporary numbers). */
    private static final Set<String> NEVER_ISSUED = Set.of("BG", "GB", "NK", "KN", "NT", "TN", "ZZ");

    public static final IdentifierDeclaration DECLARATION = new IdentifierDeclaration(
            DataKind.NATIONAL_INSURANCE_NUMBER,
            // First letter never D, F, I, Q, U, V; second never D, F, I, O, Q, U, V.
            Pattern.compile("\\b[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\\d{2} ?\\d{2} ?\\d{2} ?[A-D]\\b"),
            candidate -> !NEVER_ISSUED.contains(candidate.substring(0, 2)),
            List.of("national insurance", "NI number", "NINO", "NI no", "N.I."),
            List.of("ni", "ni (?:number|no)", "nino", "national insurance(?: number| no)?"),
            false, 60, 0.6);

    private NationalInsuranceNumber() {
    }
}
