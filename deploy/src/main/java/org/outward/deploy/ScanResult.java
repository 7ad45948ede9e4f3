package org.outward.deploy;

import java.util.List;
import java.util.Set;

import org.outward.engine.Judgement;
import org.outward.inspect.InspectedPart;
import org.outward.policy.Fact;
import org.outward.policy.FindingKind;

/**
 * One scanned sample as {@code scan --json} prints it, one JSON object per line. Built from the judgement's
 * metadata and redacted facts only: no subject, no text, nothing of the content but file names.
 *
 * @param path            the sample as given on the command line
 * @param verdict         the strictest action over all recipients
 * @param decidedBy       the rule that chose the verdict, empty when no rule fired
 * @param personalData    whether any part (or the message text) holds personal data, special category included
 * @param records         the largest record count of any part
 * @param specialCategory whether any part holds special category data
 * @param password        whether the message discloses a password (in it, or for a file sent earlier)
 * @param millis          time the engine took
 * @param parts           every part the inspection saw
 */
record ScanResult(String path, String verdict, String decidedBy, boolean personalData, int records,
                  boolean specialCategory, boolean password, long millis, List<PartResult> parts) {

    private static final Set<FindingKind> PERSONAL = Set.of(FindingKind.PERSONAL_DATA, FindingKind.SPECIAL_CATEGORY_DATA);
    private static final Set<FindingKind> PASSWORDS = Set.of(FindingKind.PASSWORD, FindingKind.PASSWORD_FOR_EARLIER_ATTACHMENT);

    /**
     * @param name      the file name the sender gave, or the part's path when it has none
     * @param path      where the part sits in the message, e.g. {@code 2/staff.zip/3/people.csv}
     * @param mediaType the type found in the content
     */
    record PartResult(String name, String path, String mediaType, String protection, String scheme,
                      boolean personalData, int records) {
    }

    static ScanResult of(String path, Judgement judgement) {
        List<Fact> facts = judgement.facts();
        return new ScanResult(path, judgement.decision().verdict().word(), decidingRule(judgement),
                facts.stream().anyMatch(f -> PERSONAL.contains(f.kind())),
                facts.stream().filter(f -> PERSONAL.contains(f.kind())).mapToInt(Fact::records).max().orElse(0),
                facts.stream().anyMatch(f -> f.kind() == FindingKind.SPECIAL_CATEGORY_DATA),
                facts.stream().anyMatch(f -> PASSWORDS.contains(f.kind())),
                judgement.took().toMillis(),
                judgement.inspection().parts().stream().map(p -> part(p, facts)).toList());
    }

    /** The rule behind the verdict: that of the first recipient whose action is the verdict. */
    static String decidingRule(Judgement judgement) {
        return judgement.decision().recipients().stream()
                .filter(r -> r.action() == judgement.decision().verdict())
                .map(r -> r.decidedBy()).findFirst().orElse("");
    }

    private static PartResult part(InspectedPart part, List<Fact> facts) {
        List<Fact> personal = facts.stream()
                .filter(f -> PERSONAL.contains(f.kind()) && f.partPath().equals(part.path())).toList();
        return new PartResult(part.declaredName().isEmpty() ? part.path() : part.declaredName(), part.path(),
                part.detectedType(), part.protection().level().word(), part.protection().scheme(),
                !personal.isEmpty(), personal.stream().mapToInt(Fact::records).max().orElse(0));
    }
}
