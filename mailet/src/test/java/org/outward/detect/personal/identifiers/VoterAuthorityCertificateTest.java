package org.outward.detect.personal.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.outward.detect.personal.DataKind;
import org.outward.detect.personal.PersonalDataDetector;
import org.outward.detect.personal.PersonalDataFinding;
import org.outward.detect.personal.Table;
import org.outward.detect.personal.TextAndTables;
import org.junit.jupiter.api.Test;

/** The Voter Authority Certificate number, found through the standard detector with nothing but its file. */
class VoterAuthorityCertificateTest {

    private static final DataKind VAC = DataKind.identifier("voter-authority-certificate");
    private final PersonalDataDetector detector = new PersonalDataDetector();

    @Test
    void aListOfCertificateHoldersIsRecordsOfThatKind() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Name", "VAC number", "Postcode"));
        rows.add(List.of("Jane Smith", "7K2Q9X4M1P8R3T6W5Y0Z", "LA9 4XB"));
        rows.add(List.of("Brian Abshire", "Q4W8E2R6T1Y5U9I3O7P0", "LA9 4XD"));
        rows.add(List.of("Carys Evans", "3MZ7VN2BX8CL4KJ9HG5F", "LA9 4XE"));
        PersonalDataFinding f = detector.inspect(new TextAndTables("", List.of(new Table("Sheet1", rows))));
        assertThat(f.records()).isEqualTo(3);
        assertThat(f.kinds()).contains(VAC);
        assertThat(f.toString()).doesNotContain("7K2Q9X4M1P8R3T6W5Y0Z");
    }

    @Test
    void inTextOnlyWithItsWordsNear() {
        String prose = "Jane Smith of 12 Acacia Road, LA9 4XB brought her voter authority certificate, number %s, "
                + "to the count.\n\nBrian Abshire of 14 Elm Close, LA9 4XD had his VAC, %s, with him too.\n";
        assertThat(detector.inspect(TextAndTables.text(prose.formatted("7K2Q9X4M1P8R3T6W5Y0Z",
                "Q4W8E2R6T1Y5U9I3O7P0"))).kinds()).contains(VAC);
        String noWords = prose.replace("voter authority certificate", "ticket").replace("VAC", "ticket");
        assertThat(detector.inspect(TextAndTables.text(noWords.formatted("7K2Q9X4M1P8R3T6W5Y0Z",
                "Q4W8E2R6T1Y5U9I3O7P0"))).kinds()).doesNotContain(VAC);
        assertThat(detector.inspect(TextAndTables.text(prose.formatted("7K2Q9X4M1P8R3T6W5Y0ZA",
                "Q4W8E2R6T1Y5U9I3O7P"))).kinds()).doesNotContain(VAC);
    }
}
