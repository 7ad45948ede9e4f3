package org.outward.detect.personal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The same thirty people, laid out the ways members lay out lists, are the same thirty records; what a party
 * sends every day in those layouts (a signature, a few contacts, streets, offices) is no list. The names are
 * made here from syllables, so no name list knows them.
 */
class RecordLayoutsTest {

    private final PersonalDataDetector detector = new PersonalDataDetector();
    private final PersonalDataThresholds defaults = PersonalDataThresholds.defaults();

    /** One made-up person. */
    private record Person(String name, String street, String postcode, String mobile, String email) {
    }

    private static List<Person> people(int n) {
        String[] first = {"Bryn", "Tal", "Mor", "Ced", "Ywen", "Gar", "Lys", "Dew"};
        String[] second = {"adon", "ira", "elyn", "wenna", "ost"};
        String[] family = {"Trevanion", "Quellyn", "Abersoch", "Penwarden", "Cadwgan", "Marrack"};
        String[] streets = {"Heol y Felin", "Ffordd Derwen", "Stryd y Bont", "Lôn Isaf", "Tanners Lane", "Kiln Road"};
        String[] areas = {"SY23", "LL57", "CF10", "SA1", "NP20"};
        List<Person> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String given = first[i % first.length] + second[i % second.length];
            String surname = family[(i / 3) % family.length];
            String postcode = areas[i % areas.length] + " " + (i % 9 + 1) + "AB";
            list.add(new Person(given + " " + surname, (i + 3) + " " + streets[i % streets.length], postcode,
                    String.format("07700 900%03d", i), given.toLowerCase() + i + "@example.org"));
        }
        return list;
    }

    private PersonalDataFinding inspect(List<Person> list, Function<Person, String> unit, String between) {
        StringBuilder text = new StringBuilder("Hi all,\n\nThe list from Saturday:\n\n");
        for (Person p : list) {
            text.append(unit.apply(p)).append(between);
        }
        return detector.inspect(TextAndTables.text(text.append("\nThanks\n").toString()));
    }

    @Test
    void dashJoinedLinesAreRecordsAsCommasAndTabsAre() {
        List<Person> thirty = people(30);
        PersonalDataFinding dashes = inspect(thirty, p -> p.name() + " - " + p.street() + ", " + p.postcode() + " - "
                + p.mobile(), "\n");
        PersonalDataFinding commas = inspect(thirty, p -> p.name() + ", " + p.street() + ", " + p.postcode() + ", "
                + p.mobile(), "\n");
        PersonalDataFinding tabs = inspect(thirty, p -> p.name() + "\t" + p.street() + "\t" + p.postcode() + "\t"
                + p.mobile(), "\n");
        assertThat(dashes.records()).isEqualTo(30);
        assertThat(commas.records()).isEqualTo(30);
        assertThat(tabs.records()).isEqualTo(30);
        assertThat(dashes.kinds()).contains(DataKind.PERSON_NAME, DataKind.POSTCODE, DataKind.PHONE);
        assertThat(dashes.reaches(defaults)).isTrue();
        assertThat(dashes.evidence()).allSatisfy(e -> assertThat(e).doesNotContain("Trevanion", "900"));
    }

    @Test
    void everyLayoutGivesTheSameRecords() {
        List<Person> twelve = people(12);
        List<PersonalDataFinding> found = List.of(
                inspect(twelve, p -> p.name() + " | " + p.mobile() + " | " + p.email(), "\n"),
                inspect(twelve, p -> p.name() + " / " + p.postcode() + " / " + p.mobile(), "\n"),
                inspect(twelve, p -> p.name() + "; " + p.email(), "\n"),
                inspect(twelve, p -> String.format("%-24s%-22s%-9s %s", p.name(), p.street(), p.postcode(), p.mobile()), "\n"),
                inspect(twelve, p -> p.name() + " (" + p.mobile() + ")", "\n"),
                inspect(twelve, p -> "• " + p.name() + ": " + p.email(), "\n"),
                inspect(twelve, p -> p.name() + " – " + p.street() + " " + p.postcode(), "\n\n"),
                inspect(twelve, p -> p.name() + "\n" + p.street() + "\n" + p.postcode(), "\n\n"),
                inspect(twelve, p -> "BEGIN:VCARD\nFN:" + p.name() + "\nTEL:" + p.mobile() + "\nEND:VCARD", "\n\n"),
                // a table copied out of a document: one field a line, nothing between people
                inspect(twelve, p -> p.name() + "\n" + p.street() + "\n" + p.postcode() + "\n" + p.mobile(), "\n"),
                // the same as extraction writes paragraphs, a blank line after each
                inspect(twelve, p -> p.name() + "\n\n" + p.street() + "\n\n" + p.postcode() + "\n\n" + p.mobile(), "\n\n"));
        for (PersonalDataFinding f : found) {
            assertThat(f.records()).as(f.toString()).isEqualTo(12);
            assertThat(f.reaches(defaults)).isTrue();
        }
    }

    @Test
    void voteIntentionsOnDashJoinedLinesAreSpecialCategory() {
        PersonalDataFinding f = inspect(people(6), p -> p.name() + " - " + p.street() + " " + p.postcode()
                + " - VI: LD, wants a poster", "\n");
        assertThat(f.records()).isEqualTo(6);
        assertThat(f.specialCategories()).containsExactly(SpecialCategory.POLITICAL_OPINION);
    }

    @Test
    void aFewContactsInAListLayoutAreBelowTheThreshold() {
        PersonalDataFinding f = inspect(people(3), p -> p.name() + " - " + p.street() + ", " + p.postcode() + " - "
                + p.mobile(), "\n");
        assertThat(f.records()).isEqualTo(3);
        assertThat(f.reaches(defaults)).isFalse();
    }

    @Test
    void signaturesInAReplyThreadAreNoList() {
        StringBuilder thread = new StringBuilder("Agreed, see you there.\n\n");
        String quote = "";
        for (Person p : people(4)) {
            thread.append(quote).append(p.name()).append('\n').append(quote).append("Ward secretary\n").append(quote)
                    .append(p.mobile()).append("\n\n").append(quote).append("On 3 May, Sam wrote:\n");
            quote += "> ";
            thread.append(quote).append("Can we move the stall?\n\n");
        }
        assertThat(detector.inspect(TextAndTables.text(thread.toString())).reaches(defaults)).isFalse();
    }

    @Test
    void streetsAndOfficesInListLayoutsAreNoPeople() {
        StringBuilder streets = new StringBuilder();
        StringBuilder offices = new StringBuilder();
        String[] names = {"Heol y Felin", "Ffordd Derwen", "Stryd y Bont", "Lôn Isaf", "Tanners Lane", "Kiln Road",
                "Rhodfa'r Môr", "Cilgant Celyn"};
        String[] places = {"Citizens Advice", "County Council Offices", "Electoral Services", "Neuadd y Dref",
                "Leisure Centre", "Age Cymru", "Cyngor Sir", "Regional Office"};
        for (int i = 0; i < names.length; i++) {
            streets.append(names[i]).append(" - SY23 ").append(i + 1).append("AB - ").append(40 + i).append(" households\n");
            offices.append(places[i]).append(" - 01970 62").append(1000 + i).append('\n');
        }
        assertThat(detector.inspect(TextAndTables.text(streets.toString())).records()).isZero();
        assertThat(detector.inspect(TextAndTables.text(offices.toString())).records()).isZero();
    }
}
