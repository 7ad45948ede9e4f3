package org.outward.detect.personal.identifiers;

import java.util.List;
import java.util.regex.Pattern;
import org.outward.detect.personal.CheckDigit;
import org.outward.detect.personal.DataKind;
import org.outward.detect.personal.IdentifierDeclaration;

/**
 * Party membership numbers: 5-10 digits, perhaps after a short letter prefix. Any number looks like that, so
 * only a membership word right next to it (or a membership column header) makes it one.
 */
public final class MembershipNumber {

    public static final IdentifierDeclaration DECLARATION = new IdentifierDeclaration(
            DataKind.MEMBERSHIP_NUMBER,
            Pattern.compile("\\b[A-Z]{0,3}\\d{5,10}\\b"),
            CheckDigit.NONE,
            List.of("membership number", "membership no", "member number", "member no", "member id",
                    "membership id", "mem no"),
            List.of("(?:party )?(?:membership|member) (?:number|no|num|id|ref)", "mem no", "membership"),
            true, 30, 0.6, IdentifierDeclaration.Hints.column(false, true));

    private MembershipNumber() {
    }
}
