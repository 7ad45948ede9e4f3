package org.outward.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.outward.detect.personal.DataKind;
import org.outward.detect.personal.PersonalDataDetector;
import org.outward.detect.personal.PersonalDataFinding;
import org.outward.detect.personal.PersonalDataThresholds;
import org.outward.detect.personal.Table;
import org.outward.detect.personal.TextAndTables;
import org.outward.inspect.ExtractedText;
import org.outward.inspect.InspectedPart;
import org.outward.inspect.Inspection;
import org.outward.policy.Fact;
import org.outward.policy.FindingKind;
import org.outward.policy.PeopleEvidence;
import org.outward.policy.Policy;
import org.outward.protect.ProtectionLevel;

/**
 * Data about people, part by part: lists of members, canvass returns, register extracts, in attachments and
 * in the body alike (a list pasted into a message is the same leak). A part that reaches the policy's
 * detection thresholds becomes a personal-data fact, and also a special-category fact when it holds
 * voting intentions, health or other special category data. For an encrypted part the text is what it carries
 * in the clear (entry names, comments, bytes appended after its end), so such a fact is about unprotected data.
 */
final class PersonalFacts {

    /** At most this many redacted examples travel with a fact into notices and the audit log. */
    private static final int EVIDENCE_EXAMPLES = 2;

    private PersonalFacts() {
    }

    static List<Fact> of(PersonalDataDetector detector, Inspection inspection, Policy policy) {
        PersonalDataThresholds thresholds = thresholds(policy);
        List<Fact> facts = new ArrayList<>();
        for (InspectedPart part : inspection.parts()) {
            ExtractedText text = part.text();
            if (text.text().isBlank() && text.tables().isEmpty()) {
                continue;
            }
            PersonalDataFinding finding = detector.inspect(new TextAndTables(text.text(),
                    text.tables().stream().map(t -> new Table(t.name(), t.rows())).toList()));
            if (!finding.reaches(thresholds)) {
                continue;
            }
            String name = InspectionFacts.fileName(part);
            String kinds = finding.kinds().stream().map(DataKind::words)
                    .sorted().collect(Collectors.joining(", "));
            List<String> shown = finding.evidence().stream().limit(EVIDENCE_EXAMPLES).toList();
            String examples = String.join("; ", shown);
            // The text of an encrypted part is what it carries outside the encryption: that text is unprotected.
            boolean outside = isEncrypted(part);
            ProtectionLevel level = outside ? ProtectionLevel.NONE : part.protection().level();
            String where = outside ? "readable without the password: " : nominal(part);
            String evidence = where + finding.records() + (finding.records() == 1 ? " record: " : " records: ") + kinds
                    + (examples.isEmpty() ? "" : " (e.g. " + examples + ")");
            // Rules may name kinds in when.data; they do so by the kinds' policy words.
            List<String> dataKinds = finding.kinds().stream().map(DataKind::word).toList();
            facts.add(new Fact(FindingKind.PERSONAL_DATA, part.path(), name, level,
                    finding.records(), finding.confidence(), evidence, List.of(), dataKinds,
                    new PeopleEvidence(outside, List.of(), shown)));
            if (finding.specialCategory()) {
                List<String> categoryWords = finding.specialCategories().stream()
                        .map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-')).sorted().toList();
                String categories = categoryWords.stream().map(c -> c.replace('-', ' '))
                        .collect(Collectors.joining(", "));
                facts.add(new Fact(FindingKind.SPECIAL_CATEGORY_DATA, part.path(), name, level,
                        finding.records(), finding.confidence(), where + finding.records() + " records with " + categories
                        + (examples.isEmpty() ? "" : " (e.g. " + examples + ")"), List.of(), dataKinds,
                        new PeopleEvidence(outside, categoryWords, shown)));
            }
        }
        return facts;
    }

    /**
     * Protection in name only (Excel's default password, a PDF owner password) does not count, and the sender is
     * told why: the check's own note, e.g. "opens without a password: only an owner password is set".
     */
    private static String nominal(InspectedPart part) {
        return part.protection().level() == ProtectionLevel.NONE && !part.protection().notes().isEmpty()
                ? part.protection().notes().get(0) + "; " : "";
    }

    private static boolean isEncrypted(InspectedPart part) {
        return part.protection().level() == ProtectionLevel.STRONG || part.protection().level() == ProtectionLevel.WEAK;
    }

    private static PersonalDataThresholds thresholds(Policy policy) {
        PersonalDataThresholds defaults = PersonalDataThresholds.defaults();
        return new PersonalDataThresholds(policy.detection().minRecords(), defaults.minKinds(),
                policy.detection().personalDataMinConfidence(), defaults.minSpecialCategoryRecords());
    }
}
