package org.outward.detect.personal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Adds up findings from separate tables or passages of one part. */
final class Findings {

    private Findings() {
    }

    static PersonalDataFinding sum(List<PersonalDataFinding> findings) {
        PersonalDataFinding only = null;
        for (PersonalDataFinding f : findings) {
            if (f.records() > 0) {
                if (only != null) {
                    return add(findings);
                }
                only = f;
            }
        }
        // A part is mostly one passage or one table: its finding is the sum, without copying it again.
        return only == null ? PersonalDataFinding.none() : only;
    }

    private static PersonalDataFinding add(List<PersonalDataFinding> findings) {
        int records = 0;
        double confidence = 0;
        List<DataKind> kinds = new ArrayList<>();
        Set<SpecialCategory> special = EnumSet.noneOf(SpecialCategory.class);
        List<String> evidence = new ArrayList<>();
        for (PersonalDataFinding f : findings) {
            if (f.records() == 0) {
                continue;
            }
            records += f.records();
            kinds.addAll(f.kinds());
            special.addAll(f.specialCategories());
            confidence = Math.max(confidence, f.confidence());
            for (String e : f.evidence()) {
                if (evidence.size() < 3) {
                    evidence.add(e);
                }
            }
        }
        return records == 0 ? PersonalDataFinding.none()
                : new PersonalDataFinding(records, SortedKinds.of(kinds), special, confidence, evidence);
    }

    /**
     * The text of a spreadsheet part repeats its tables' cells, so the part's finding is the larger of the
     * two, not their sum, with what either saw about kinds and categories.
     */
    static PersonalDataFinding larger(PersonalDataFinding a, PersonalDataFinding b) {
        PersonalDataFinding main = a.records() >= b.records() ? a : b;
        PersonalDataFinding other = main == a ? b : a;
        if (other.records() == 0) {
            return main;
        }
        List<DataKind> kinds = new ArrayList<>(main.kinds());
        kinds.addAll(other.kinds());
        Set<SpecialCategory> special = EnumSet.noneOf(SpecialCategory.class);
        special.addAll(main.specialCategories());
        special.addAll(other.specialCategories());
        return new PersonalDataFinding(main.records(), SortedKinds.of(kinds), special,
                Math.max(main.confidence(), other.confidence()), main.evidence());
    }
}
