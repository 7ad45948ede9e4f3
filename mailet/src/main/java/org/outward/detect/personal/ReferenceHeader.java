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

    /** The words a reference's header ends with, as {@link #SHAPE} has them. */
    private static final LowerCaseWords LAST_WORDS = new LowerCaseWords(
            java.util.List.of("ref", "reference", "no", "number", "num", "id", "code", "tag"));

    private ReferenceHeader() {
    }

    /**
     * Whether the header may name a reference, judged by its last run of ASCII letters and digits, which ends
     * its normal form ({@link ColumnRole#normal}) and must be one of the words the shape ends with: never no for a
     * header that names one, and no for nearly every data cell. A header with a digit names none (the shape's
     * words are letters, and the normal form keeps every digit); one with a character beyond ASCII, which
     * lower-casing may turn into a letter, may.
     */
    static boolean mayEndOne(String header) {
        int end = header.length();
        boolean beyondAscii = false;
        for (int i = 0; i < end; i++) {
            char ch = header.charAt(i);
            if (ch >= '0' && ch <= '9') {
                return false; // addresses, postcodes, phone numbers: most data cells end here
            }
            beyondAscii |= ch >= 128;
        }
        if (beyondAscii) {
            return true;
        }
        while (end > 0 && !asciiLetterOrDigit(header.charAt(end - 1))) {
            end--;
        }
        int start = end;
        while (start > 0 && asciiLetterOrDigit(header.charAt(start - 1))) {
            start--;
        }
        return LAST_WORDS.contains(header, start, end);
    }

    private static boolean asciiLetterOrDigit(char ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
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
