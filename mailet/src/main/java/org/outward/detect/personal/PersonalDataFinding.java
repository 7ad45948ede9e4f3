package org.outward.detect.personal;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What personal-data detection concluded about one part. Evidence is redacted ({@code J*** S****, LA9 4**});
 * nothing here holds the data itself, so a finding may be logged, stored as a mail attribute or shown in a
 * notice.
 *
 * @param records           rows or passages about one identified person
 * @param kinds             kinds of personal data seen in those records
 * @param specialCategories special categories seen about those people (empty when none)
 * @param confidence        0 to 1: how sure detection is that these are records about people
 * @param evidence          a few redacted examples, for the sender's notice and the admin
 */
public record PersonalDataFinding(int records, Set<DataKind> kinds, Set<SpecialCategory> specialCategories,
        double confidence, List<String> evidence) {

    public PersonalDataFinding {
        // Sorted sets: they iterate in the kinds' and categories' order (Set.copyOf's order changes from run to
        // run). Kinds gathered by detection come sorted already and are not copied again.
        kinds = SortedKinds.of(kinds);
        specialCategories = Collections.unmodifiableSet(copy(specialCategories, SpecialCategory.class));
        evidence = List.copyOf(evidence);
    }

    private static <E extends Enum<E>> EnumSet<E> copy(Set<E> values, Class<E> type) {
        EnumSet<E> copy = EnumSet.noneOf(type);
        copy.addAll(values);
        return copy;
    }

    private static final PersonalDataFinding NONE = new PersonalDataFinding(0, Set.of(), Set.of(), 0, List.of());

    /** A finding of nothing (one shared instance: most parts and passages hold nothing). */
    public static PersonalDataFinding none() {
        return NONE;
    }

    public boolean specialCategory() {
        return !specialCategories.isEmpty();
    }

    /** Whether this finding reaches the policy's thresholds, i.e. the part holds a list of people. */
    public boolean reaches(PersonalDataThresholds thresholds) {
        if (records == 0 || confidence < thresholds.minConfidence()) {
            return false;
        }
        if (specialCategory() && records >= thresholds.minSpecialCategoryRecords()) {
            return true;
        }
        return records >= thresholds.minRecords() && kinds.size() >= thresholds.minKinds();
    }
}
