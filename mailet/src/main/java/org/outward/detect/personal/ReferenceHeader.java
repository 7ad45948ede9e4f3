package org.outward.detect.personal;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a column header names a reference to a thing rather than to a person: one or two words and then
 * ref, reference, no, number, id, code or tag ({@code Hire Reference}, {@code Job No.}, {@code Asset Tag}),
 * none of them a word for a person, a register or a personal document ({@code Supporter ID}, {@code Voter no},
 * {@code Passport number} stay for the cells to decide). Asked only when no role and no declared identifier
 * names the header, so {@code Elector No}, {@code Membership number} and {@code House number} keep their
 * meaning, and an installation's own {@code Case Ref.} is its own identifier.
 */
final class ReferenceHeader {

    /** The shape, as a plain pattern over a header's normal form ({@link ColumnRole#normal}). */
    static final String SHAPE = "[a-z]{2,20}(?: [a-z]{2,20})? (?:ref|reference|no|number|num|id|code|tag)";

    private static final Pattern WORDS = Pattern.compile(SHAPE);
    /** Words before the reference that make it a person's, or a register's, or a personal document's. */
    private static final Set<String> PERSONAL = Set.of("voter", "elector", "electoral", "register", "roll", "poll",
            "polling", "district", "ward", "member", "membership", "supporter", "customer", "client", "contact",
            "person", "personal", "people", "donor", "volunteer", "constituent", "resident", "patient", "user",
            "account", "staff", "employee", "student", "pupil", "tenant", "applicant", "household", "householder",
            "subscriber", "canvasser", "candidate", "agent", "payroll", "insurance", "ni", "nino", "nhs", "passport",
            "licence", "license", "driving", "driver", "tax", "utr", "phone", "mobile", "tel", "telephone", "house",
            "flat", "property", "home", "birth", "certificate", "id", "identity", "national", "unique", "uprn",
            "family", "child", "parent", "carer", "guardian", "owner", "holder", "card", "bank", "sort");

    private ReferenceHeader() {
    }

    /** Whether the normal form of a header names a reference to a thing. */
    static boolean namesAThing(String normal) {
        if (!WORDS.matcher(normal).matches()) {
            return false;
        }
        String[] words = normal.split(" ");
        for (int i = 0; i < words.length - 1; i++) {
            if (PERSONAL.contains(words[i])) {
                return false;
            }
        }
        return true;
    }
}
