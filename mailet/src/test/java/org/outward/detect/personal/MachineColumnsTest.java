package org.outward.detect.personal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Tables that machines write (tracks, sensor logs, order exports) are not lists of people, though their cells
 * have the shapes of identifiers and phone numbers: one value repeated down a column is one thing, not many
 * people, and ten-digit numbers with no trunk prefix under no phone header are timestamps, serials and ids.
 * Registers that repeat a polling district or a household's phone a few times are still lists of people.
 */
class MachineColumnsTest {

    private final PersonalDataDetector detector = new PersonalDataDetector();

    private PersonalDataFinding inspect(List<List<String>> rows) {
        return detector.inspect(new TextAndTables("", List.of(new Table("export", rows))));
    }

    /** Epoch seconds from a start, rising by a few seconds a row, as a logger writes them. */
    private static List<String> epochSeconds(Random random, int rows, long start) {
        List<String> out = new ArrayList<>();
        long t = start;
        for (int r = 0; r < rows; r++) {
            t += 1 + random.nextInt(40);
            out.add(Long.toString(t));
        }
        return out;
    }

    private static List<List<String>> track(Random random, int rows, boolean oneCallsign) {
        List<List<String>> table = new ArrayList<>();
        table.add(List.of("Timestamp", "UTC", "Callsign", "Position", "Altitude", "Speed", "Direction"));
        List<String> times = epochSeconds(random, rows, 1_500_000_000L + random.nextInt(200_000_000));
        String[] airlines = {"BAW", "EZY", "RYR", "KLM", "DLH", "AFR", "SAS", "LOT"};
        String fixed = airlines[random.nextInt(airlines.length)] + (100 + random.nextInt(900));
        for (int r = 0; r < rows; r++) {
            String callsign = oneCallsign ? fixed : airlines[r % airlines.length] + (100 + random.nextInt(900));
            table.add(List.of(times.get(r), "2021-02-25T" + String.format("%02d:%02d:%02dZ", r / 3600 % 24, r / 60 % 60,
                    r % 60), callsign, "\"" + (51 + random.nextDouble()) + "," + (-1 + random.nextDouble()) + "\"",
                    Integer.toString(1000 + random.nextInt(30000)), Integer.toString(100 + random.nextInt(400)),
                    Integer.toString(random.nextInt(360))));
        }
        return table;
    }

    @Test
    void flightTracksAreNotListsOfPeople() {
        for (int seed = 0; seed < 8; seed++) {
            Random random = new Random(seed);
            assertThat(inspect(track(random, 40 + random.nextInt(300), true)).records()).as("one callsign %d", seed)
                    .isZero();
            assertThat(inspect(track(random, 40 + random.nextInt(300), false)).records())
                    .as("many callsigns %d", seed).isZero();
        }
    }

    /** Sensor ids (one sensor's log, or several sensors') with epoch seconds or milliseconds. */
    @Test
    void sensorLogsAreNotListsOfPeople() {
        for (int seed = 0; seed < 8; seed++) {
            Random random = new Random(100 + seed);
            int rows = 30 + random.nextInt(200);
            boolean millis = seed % 2 == 0;
            boolean oneSensor = seed % 4 < 2;
            List<List<String>> table = new ArrayList<>();
            if (seed % 3 != 0) {
                table.add(List.of("time", "sensor", "reading", "unit"));
            }
            List<String> times = epochSeconds(random, rows, 1_600_000_000L + random.nextInt(100_000_000));
            String sensor = "SN" + (10_000 + random.nextInt(90_000));
            for (int r = 0; r < rows; r++) {
                String time = millis ? times.get(r) + String.format("%03d", random.nextInt(1000)) : times.get(r);
                table.add(List.of(time, oneSensor ? sensor : "SN" + (10_000 + random.nextInt(90_000)),
                        String.format("%.2f", 10 + random.nextDouble() * 15), "C"));
            }
            assertThat(inspect(table).records()).as("sensor log %d", seed).isZero();
        }
    }

    /** Ten-digit order numbers and row ids rising in steps, beside a customer reference and a branch phone. */
    @Test
    void orderExportsWithSerialNumbersAreNotListsOfPeople() {
        for (int seed = 0; seed < 8; seed++) {
            Random random = new Random(200 + seed);
            int rows = 20 + random.nextInt(150);
            List<List<String>> table = new ArrayList<>();
            table.add(List.of("Order", "Placed", "Branch", "Branch phone", "Item", "Qty", "Total"));
            long order = 1_000_000_000L + random.nextInt(1_000_000_000);
            String branch = "LS" + (1 + random.nextInt(9)) + " " + (1 + random.nextInt(9)) + "AB";
            for (int r = 0; r < rows; r++) {
                order += 1 + random.nextInt(7);
                table.add(List.of(Long.toString(order), Long.toString(1_700_000_000L + r * 613L), branch,
                        "0113 496 0" + 100, "SKU-" + random.nextInt(9999), Integer.toString(1 + random.nextInt(5)),
                        String.format("%.2f", random.nextDouble() * 80)));
            }
            assertThat(inspect(table).records()).as("order export %d", seed).isZero();
        }
    }

    /** Bookings or jobs, each with its own reference, all with the one phone of the room, depot or desk. */
    @Test
    void logsWithOneContactPhoneAreNotListsOfPeople() {
        String[] headers = {"Phone", "Contact number", "Tel", "Office phone"};
        String[] phones = {"0161 496 0000", "020 7946 0123", "01632 960777", "0113 496 0500"};
        for (int seed = 0; seed < 8; seed++) {
            Random random = new Random(300 + seed);
            List<List<String>> table = new ArrayList<>();
            table.add(List.of("Ref", "Site", headers[seed % headers.length], "Booked", "Hours"));
            String prefix = String.valueOf((char) ('A' + random.nextInt(26))) + (char) ('A' + random.nextInt(26));
            int ref = 1000 + random.nextInt(80_000);
            for (int r = 0; r < 10 + random.nextInt(60); r++) {
                ref += 1 + random.nextInt(4);
                table.add(List.of(prefix + ref, "Site " + (1 + random.nextInt(3)), phones[seed % phones.length],
                        "2026-11-" + (10 + random.nextInt(19)), Integer.toString(1 + random.nextInt(8))));
            }
            assertThat(inspect(table).records()).as("log %d", seed).isZero();
        }
    }

    /** A register repeats a polling district down a column and a household's phone a few times over. */
    @Test
    void registerWithRepeatedDistrictsAndHouseholdPhonesIsStillFound() {
        List<List<String>> rows = new ArrayList<>();
        String[] surnames = {"Hughes", "Patel", "Kowalski", "Murphy", "Okafor", "Campbell", "Evans", "Begum"};
        String[] forenames = {"Anne", "Rhys", "Priya", "Tomasz", "Siobhan", "Chidi", "Mairi", "Farah", "Owen"};
        for (int r = 0; r < 30; r++) {
            int household = r / 3;
            rows.add(List.of("KB1-" + (r + 1), forenames[r % forenames.length] + " " + surnames[household % surnames.length],
                    (household + 1) + " Heol y Nant", "CF10 " + (household % 9 + 1) + "GH",
                    "029 2018 0" + (100 + household)));
        }
        PersonalDataFinding finding = inspect(rows);
        assertThat(finding.records()).isEqualTo(30);
        assertThat(finding.kinds()).contains(DataKind.PHONE);
    }

    /** Excel drops a mobile's leading 0: under a phone header the bare national number is still a phone. */
    @Test
    void bareNationalNumbersUnderAPhoneHeaderAreStillPhones() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Name", "Mobile"));
        String[] names = {"Anne Hughes", "Rhys Patel", "Priya Kowalski", "Tomasz Murphy", "Siobhan Okafor", "Chidi Evans"};
        for (int r = 0; r < names.length; r++) {
            rows.add(List.of(names[r], "77009001" + (10 + r)));
        }
        PersonalDataFinding finding = inspect(rows);
        assertThat(finding.records()).isEqualTo(names.length);
        assertThat(finding.kinds()).contains(DataKind.PHONE);
    }

    /**
     * "One value fills nine cells in ten of five or more" is what counting each stripped value says, for
     * samples of every size around the threshold (the column check is written without a map).
     */
    @Test
    void oneValueIsWhatCountingSays() {
        Random random = new Random(37);
        List<String> values = List.of("01632 960001", " 01632 960001", "01632 960001 ", "01632 960002", "", "x");
        int yes = 0;
        for (int k = 0; k < 50_000; k++) {
            int size = random.nextInt(25);
            int common = random.nextInt(values.size());
            List<String> sample = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                sample.add(values.get(random.nextInt(10) < 8 ? common : random.nextInt(values.size())));
            }
            java.util.Map<String, Integer> counts = new java.util.HashMap<>();
            sample.forEach(cell -> counts.merge(cell.strip(), 1, Integer::sum));
            boolean expected = size >= 5 && counts.values().stream().anyMatch(n -> n >= size * 0.9);
            assertThat(ColumnContentClassifier.oneValue(sample)).as("%s", sample).isEqualTo(expected);
            yes += expected ? 1 : 0;
        }
        assertThat(yes).isGreaterThan(5_000);
    }
}
