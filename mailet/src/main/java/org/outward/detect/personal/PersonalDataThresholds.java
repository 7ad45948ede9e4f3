package org.outward.detect.personal;

/**
 * When a finding counts as a list of people worth stopping. The policy sets these; the defaults suit a
 * party: one person in a signature or a press contact passes, five people with two kinds of data do not,
 * and one identified person with special category data (a canvass note, a casework note about health) does
 * not either.
 *
 * @param minRecords                 records (rows about one person) needed for an ordinary list
 * @param minKinds                   kinds of data those records must show (a name and a postcode: two)
 * @param minConfidence              confidence below which a finding is ignored
 * @param minSpecialCategoryRecords  records needed when special category data is present
 */
public record PersonalDataThresholds(int minRecords, int minKinds, double minConfidence,
        int minSpecialCategoryRecords) {

    public PersonalDataThresholds {
        if (minRecords < 1 || minKinds < 1 || minSpecialCategoryRecords < 1) {
            throw new IllegalArgumentException("record and kind thresholds must be at least 1");
        }
        if (minConfidence < 0 || minConfidence > 1) {
            throw new IllegalArgumentException("confidence threshold must be between 0 and 1");
        }
    }

    /** The defaults: 5 records, 2 kinds, confidence 0.5, 1 record with special category data. */
    public static PersonalDataThresholds defaults() {
        return new PersonalDataThresholds(5, 2, 0.5, 1);
    }
}
