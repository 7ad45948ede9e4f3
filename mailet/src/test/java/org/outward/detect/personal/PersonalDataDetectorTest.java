package org.outward.detect.personal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PersonalDataDetectorTest {

    private final PersonalDataDetector detector = new PersonalDataDetector();
    private final PersonalDataThresholds defaults = PersonalDataThresholds.defaults();

    @Test
    void canvassExportIsSpecialCategoryWithRedactedEvidence() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("PD", "ENO", "Forename", "Surname", "Address 1", "Postcode", "VI"));
        rows.add(List.of("KA1", "12", "Jane", "Smith", "12 Acacia Road", "LA9 4XB", "LD"));
        rows.add(List.of("KA1", "13", "Brian", "Abshire", "14 Acacia Road", "LA9 4XB", "Lab"));
        PersonalDataFinding f = detector.inspect(new TextAndTables("", List.of(new Table("Sheet1", rows))));
        assertThat(f.records()).isEqualTo(2);
        assertThat(f.specialCategories()).containsExactly(SpecialCategory.POLITICAL_OPINION);
        assertThat(f.kinds()).contains(DataKind.PERSON_NAME, DataKind.ELECTOR_NUMBER, DataKind.POSTCODE);
        assertThat(f.evidence()).first().isEqualTo("J*** S****, LA9 4**");
        assertThat(f.reaches(defaults)).isTrue();
        assertThat(f.toString()).doesNotContain("Smith", "Acacia", "4XB");
    }

    @Test
    void streetListWithPostcodesIsNotAList() {
        List<List<String>> rows = List.of(List.of("Street", "Postcode", "Households"),
                List.of("Acacia Road", "LA9 4XB", "120"), List.of("Elm Close", "LA9 4XD", "44"),
                List.of("Mill Lane", "LA9 4XE", "80"));
        assertThat(detector.inspect(new TextAndTables("", List.of(new Table("s", rows)))).records()).isZero();
    }

    @Test
    void pressReleaseWithOneContactPasses() {
        String text = "Lib Dems call for new bus routes.\n\nMedia contact: Jane Smith, 07911 123456, jane@example.org\n";
        PersonalDataFinding f = detector.inspect(TextAndTables.text(text));
        assertThat(f.records()).isEqualTo(1);
        assertThat(f.reaches(defaults)).isFalse();
    }

    /**
     * Each person's details come before the next person's name, whatever kinds they are: a phone number early
     * in a text and a postcode later must not hide the name before the phone number.
     */
    @Test
    void namesAreLookedForBeforeEachDetailInTextOrder() {
        String filler = "The hall is booked for the whole evening and the caretaker locks up at ten sharp. ";
        String text = "Ring Jane Smith on 07911 123456 about the raffle.\n" + filler.repeat(4)
                + "\nLeaflets go to the depot, Acacia Road LA9 4XB.\n";
        PersonalDataFinding f = detector.inspect(TextAndTables.text(text));
        assertThat(f.records()).isEqualTo(1);
        assertThat(f.evidence()).containsExactly("J*** S****");
        assertThat(f.kinds()).containsExactlyInAnyOrder(DataKind.PERSON_NAME, DataKind.PHONE);
    }

    @Test
    void caseworkAboutHealthIsSpecialCategory() {
        String text = "Mrs Abshire of 12 Acacia Road, Kendal LA9 4XB rang again. She is registered disabled and"
                + " cannot reach the surgery.";
        PersonalDataFinding f = detector.inspect(TextAndTables.text(text));
        assertThat(f.specialCategories()).containsExactly(SpecialCategory.HEALTH);
        assertThat(f.reaches(defaults)).isTrue();
        assertThat(f.evidence()).containsExactly("M** A******, LA9 4**");
    }

    @Test
    void tableRowsInTheTextAreCountedOnceAndTheOtherTextToo() {
        List<List<String>> rows = List.of(List.of("Forename", "Surname", "Address 1", "Postcode"),
                List.of("Jane", "Smith", "12 Acacia Road", "LA9 4XB"),
                List.of("Brian", "Abshire", "14 Acacia Road", "LA9 4XB"));
        // As extraction writes a sheet: each cell between tabs, a blank line after each row.
        StringBuilder sheet = new StringBuilder("Sheet1\n\n");
        rows.forEach(row -> sheet.append('\t').append(String.join("\t\t", row)).append("\t\n\n"));
        Table table = new Table("Sheet1", rows);

        assertThat(detector.inspect(new TextAndTables(sheet.toString(), List.of(table))).records()).isEqualTo(2);

        String note = "Mrs Abshire of 12 Acacia Road, Kendal LA9 4XB rang again. She is registered disabled.\n";
        PersonalDataFinding both = detector.inspect(new TextAndTables(sheet + note, List.of(table)));
        assertThat(both.records()).isEqualTo(3);
        assertThat(both.specialCategories()).containsExactly(SpecialCategory.HEALTH);
    }

    @Test
    void partToStringShowsNoContent() {
        assertThat(TextAndTables.text("Jane Smith LA9 4XB").toString()).doesNotContain("Jane");
        assertThat(new Table("s", List.of(List.of("Jane"))).toString()).doesNotContain("Jane");
    }
}
