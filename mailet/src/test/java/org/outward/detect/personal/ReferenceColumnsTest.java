package org.outward.detect.personal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A column under a header naming a reference to a thing (a booking, an order, a job, a case, an asset, a
 * stock code) holds references, whatever its cells look like: {@code BK-10231} has an elector number's shape,
 * and references often run one after another as elector numbers in a register do. A register's numbers, under
 * a register header or none, are still elector numbers.
 */
class ReferenceColumnsTest {

    private static final List<String> REFERENCE_HEADERS = List.of("booking_ref", "Order Ref", "Job No.", "Case Ref",
            "SKU", "Asset Tag", "Invoice number", "Ticket no", "Tracking ref", "Stock code", "Consignment No",
            "order-id", "Product code", "Part number", "Hire Reference", "Room booking no", "Permit number", "Loan ID");
    private static final String[] PREFIXES = {"BK", "ORD", "PJ", "CW", "AT", "INV", "T", "SKU", "J"};
    private static final String[] SEPARATORS = {"-", "/", " ", ""};

    private final PersonalDataDetector detector = new PersonalDataDetector();

    private PersonalDataFinding inspect(List<List<String>> rows) {
        return detector.inspect(new TextAndTables("", List.of(new Table("export", rows))));
    }

    /**
     * Rows of a reference (sequential or not), a venue or depot, its postcode and its phone; the header is the
     * reference's and, when {@code plainOthers}, the other columns' own words, else words no role knows.
     */
    private static List<List<String>> export(Random random, String header, String references, boolean sequential,
            boolean plainOthers) {
        List<List<String>> rows = new ArrayList<>();
        if (header != null) {
            rows.add(plainOthers ? List.of(header, "Venue", "Postcode", "Phone", "Date")
                    : List.of(header, "venue", "venue_postcode", "venue_tel", "status"));
        }
        String prefix = PREFIXES[random.nextInt(PREFIXES.length)];
        String separator = SEPARATORS[random.nextInt(SEPARATORS.length)];
        int number = 100 + random.nextInt(80_000);
        for (int r = 0; r < 8 + random.nextInt(30); r++) {
            number += sequential ? 1 : 1 + random.nextInt(40);
            String reference = references == null ? prefix + separator + number : references + number;
            rows.add(List.of(reference, "Hall " + (char) ('A' + random.nextInt(20)),
                    "CF" + (10 + random.nextInt(10)) + " " + random.nextInt(10) + (char) ('A' + random.nextInt(26))
                            + (char) ('A' + random.nextInt(26)),
                    "029 20" + (100_000 + random.nextInt(900_000)),
                    r % 2 == 0 ? "confirmed" : "provisional"));
        }
        return rows;
    }

    @Test
    void referencesUnderTheirOwnHeaderAreNotElectorNumbers() {
        for (int seed = 0; seed < 4 * REFERENCE_HEADERS.size(); seed++) {
            Random random = new Random(seed);
            String header = REFERENCE_HEADERS.get(seed % REFERENCE_HEADERS.size());
            boolean plainOthers = seed % 2 == 0;
            boolean sequential = seed % 4 < 2;
            PersonalDataFinding found = inspect(export(random, header, null, sequential, plainOthers));
            assertThat(found.records()).as("%s, other headers plain %s, sequential %s", header, plainOthers,
                    sequential).isZero();
        }
    }

    /** Registers' numbers run one after another too: under a register header, or none, they are still found. */
    @Test
    void electorNumbersUnderARegisterHeaderOrNoneAreStillFound() {
        List<String> headers = List.of("ENO", "PD/ENO", "Elector No", "Elector ID", "Voter ref", "Register number");
        for (int seed = 0; seed < 4 * headers.size(); seed++) {
            Random random = new Random(1000 + seed);
            String header = headers.get(seed % headers.size());
            String district = "KA" + (1 + random.nextInt(9)) + "-";
            for (boolean plainOthers : new boolean[] {true, false}) {
                PersonalDataFinding found = inspect(export(random, header, district, true, plainOthers));
                assertThat(found.records()).as("%s %s", header, plainOthers).isGreaterThan(5);
                assertThat(found.kinds()).contains(DataKind.ELECTOR_NUMBER);
            }
            PersonalDataFinding unheaded = inspect(export(random, null, district, true, false));
            assertThat(unheaded.kinds()).as("no header").contains(DataKind.ELECTOR_NUMBER);
            assertThat(unheaded.records()).isGreaterThan(5);
        }
    }
}
