package org.outward.detect.personal.identifiers;

import java.util.List;
import java.util.regex.Pattern;
import org.outward.detect.personal.CheckDigit;
import org.outward.detect.personal.DataKind;
import org.outward.detect.personal.IdentifierDeclaration;

/**
 * NHS numbers: ten digits (often 3-3-4) with a modulus 11 check digit. One random ten-digit number in eleven
 * passes the check, so in running text a health word must be near.
 */
public final class NhsNumber {

    public static final IdentifierDeclaration DECLARATION = new IdentifierDeclaration(
            DataKind.NHS_NUMBER,
            Pattern.compile("\\b\\d{3}[ -]?\\d{3}[ -]?\\d{4}\\b"),
            CheckDigit.MOD11,
            List.of("NHS", "NHS number", "NHS no", "health service", "patient"),
            List.of("nhs", "nhs (?:number|no)"),
            true, 60, 0.6);

    private NhsNumber() {
    }
}
