package org.outward.detect.personal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each recogniser with valid values, invalid values and look-alikes. */
class RecognisersTest {

    /** The recogniser the standard registry compiled from a built-in declaration. */
    static PatternRecogniser declared(DataKind kind) {
        return (PatternRecogniser) RecogniserRegistry.standard().get(kind);
    }

    /** Whether a recogniser reads table cells in capitals (its declaration says so). */
    static boolean inCapitals(PatternRecogniser p) {
        return p instanceof DeclaredRecogniser d && d.declaration().hints().capitalsInCells();
    }

    private static List<DataKind> kinds(Recogniser r, String text) {
        return r.find(text).stream().map(Match::kind).toList();
    }

    /**
     * Compares a recogniser's hand-written matcher with its regex at every word start of the corpus texts and
     * of 20,000 texts made of the pieces, to the line's end and to a random place before it; returns how many
     * word starts matched.
     */
    static int handMatcherAgreesWithPattern(PatternRecogniser r, List<String> pieces, long seed) throws IOException {
        List<String> texts = CorpusPart.texts();
        java.util.Random random = new java.util.Random(seed);
        for (int k = 0; k < 20_000; k++) {
            texts.add(RandomText.ofPieces(random, pieces, random.nextInt(12)));
        }
        return handReadingAgreesWithPattern(r.pattern(), r::handMatchEnd, texts, random);
    }

    /** A pattern read by hand: where its match at word start i, within [i, to), ends; -1 for none. */
    interface HandReading {
        int end(String text, int i, int to);
    }

    /**
     * Compares a hand-written reading with the regex (transparent bounds) at every word start of the texts, to
     * the line's end and to a random place before it; returns how many word starts matched.
     */
    static int handReadingAgreesWithPattern(java.util.regex.Pattern pattern, HandReading hand, List<String> texts,
            java.util.Random random) {
        int[] matched = {0};
        forEachWordStart(pattern, texts, (regex, text, i, lineEnd) -> {
            for (int to : new int[] {lineEnd, i + random.nextInt(lineEnd - i + 1)}) {
                int expected = regex.region(i, to).lookingAt() ? regex.end() : -1;
                assertThat(hand.end(text, i, to)).as("[%s] at %d to %d", text, i, to).isEqualTo(expected);
                matched[0] += expected >= 0 ? 1 : 0;
            }
        });
        return matched[0];
    }

    /** What is done at a word start: the pattern's matcher over the text (transparent bounds), the line's end. */
    interface AtWordStart {
        void at(java.util.regex.Matcher regex, String text, int i, int lineEnd);
    }

    /** Visits every word start of every text, with a matcher of the pattern reset to that text. */
    static void forEachWordStart(java.util.regex.Pattern pattern, List<String> texts, AtWordStart visit) {
        java.util.regex.Matcher regex = pattern.matcher("");
        for (String text : texts) {
            ScannedText scanned = new ScannedText(text);
            regex.reset(text).useTransparentBounds(true).useAnchoringBounds(false);
            for (int w = 0; w < scanned.words(); w++) {
                int i = scanned.wordStart(w);
                int lineEnd = text.indexOf('\n', i) < 0 ? text.length() : text.indexOf('\n', i);
                visit.at(regex, text, i, lineEnd);
            }
        }
    }

    @Nested
    class Postcodes {
        private final PatternRecogniser r = declared(DataKind.POSTCODE);

        @ParameterizedTest
        @ValueSource(strings = {"LA9 4XB", "SW1A 1AA", "EC1A 1BB", "M1 1AE", "B33 8TH", "CR2 6XH", "KA1 2NP", "la9 4xb"})
        void valid(String postcode) {
            assertThat(r.isValue(postcode)).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"QX1 1AA", "ZZ9 9ZZ", "LA9 4CI", "KA1 2MO", "AB1C 1AA", "W1I 1AA", "LA9", "12345"})
        void impossibleOutwardCodesOrInwardLetters(String postcode) {
            assertThat(r.isValue(postcode)).isFalse();
        }

        @Test
        void foundInTextButNotInLowerCaseReferenceCodes() {
            assertThat(kinds(r, "Send it to 12 Acacia Road, Kendal LA9 4XB please")).containsExactly(DataKind.POSTCODE);
            assertThat(kinds(r, "ticket ref la9 4xb and model XJ9 9ZZ")).isEmpty();
        }

        /**
         * Validation reads the candidate in place: over random values of the pattern's shape it must say what
         * the rules say of the value's parts (area in the list, a district letter the area's kind allows, no
         * C, I, K, M, O or V in the inward letters).
         */
        @Test
        void validationIsWhatTheRulesSayOfTheParts() {
            java.util.Random random = new java.util.Random(21);
            String capitals = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
            int valid = 0;
            for (int i = 0; i < 200_000; i++) {
                StringBuilder v = new StringBuilder();
                int letters = 1 + random.nextInt(2);
                for (int k = 0; k < letters; k++) {
                    v.append(capitals.charAt(random.nextInt(26)));
                }
                v.append(random.nextInt(10));
                switch (random.nextInt(3)) {
                    case 0 -> v.append(random.nextInt(10));
                    case 1 -> v.append(capitals.charAt(random.nextInt(26)));
                    default -> { }
                }
                v.append(random.nextBoolean() ? " " : "").append(random.nextInt(10));
                v.append(capitals.charAt(random.nextInt(26))).append(capitals.charAt(random.nextInt(26)));
                String value = v.toString();
                assertThat(r.pattern().matcher(value).matches()).as(value).isTrue();
                boolean expected = byTheRules(value);
                assertThat(r.validate(value)).as(value).isEqualTo(expected);
                valid += expected ? 1 : 0;
            }
            assertThat(valid).isGreaterThan(1000);
        }

        private static boolean byTheRules(String value) {
            String compact = value.replace(" ", "");
            String outward = compact.substring(0, compact.length() - 3);
            String inward = compact.substring(compact.length() - 3);
            String area = outward.replaceAll("[0-9].*", "");
            if (!PostcodeShape.AREAS.contains(area)) {
                return false;
            }
            char last = outward.charAt(outward.length() - 1);
            if (outward.length() > area.length() + 1 && Character.isLetter(last)
                    && (area.length() == 1 ? "ABCDEFGHJKPSTUW" : "ABEHMNPRVWXY").indexOf(last) < 0) {
                return false;
            }
            return inward.substring(1).chars().noneMatch(ch -> "CIKMOV".indexOf(ch) >= 0);
        }

        /** In running text the pattern is read by hand: at every word start it must end where the regex ends. */
        @Test
        void handWrittenMatcherEndsWhereThePatternEnds() throws IOException {
            List<String> pieces = List.of("LA", "S", "W", "ABC", "1", "9", "4", "A", "XB", "XBC", "X", " ", " ", "  ",
                    "\n", "é", "\u0301", "_", "a", ",", "SW1A 1AA", "LA9 4XB", "M1 1AE");
            assertThat(handMatcherAgreesWithPattern(r, pieces, 18)).isGreaterThan(2000);
        }
    }

    @Nested
    class Phones {
        private final PhoneRecogniser r = new PhoneRecogniser();

        @ParameterizedTest
        @ValueSource(strings = {"07911 123456", "020 7946 0018", "+44 20 7946 0958", "0113 496 0000", "07911123456"})
        void valid(String phone) {
            assertThat(r.isValue(phone)).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"12/03/2019", "2019.03.12", "0123 456", "00000000000", "1,234,567.89", "LA9 4XB"})
        void invalidOrLookAlike(String value) {
            assertThat(r.isValue(value)).isFalse();
        }

        @Test
        void aDateIsNotAPhoneNumber() {
            assertThat(kinds(r, "Count held 05/05/2022 from 22:00; call 07911 123456")).containsExactly(DataKind.PHONE);
            assertThat(kinds(r, "Invoice 20190312 dated 12/03/2019 total 1,234.56")).isEmpty();
        }

        /** The shortcut for national-format numbers must give what the library's own parse and validation give. */
        @Test
        void nationalFormatShortcutAgreesWithTheLibrary() throws Exception {
            com.google.i18n.phonenumbers.PhoneNumberUtil phones =
                    com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance();
            java.util.Random random = new java.util.Random(4);
            int built = 0;
            for (int i = 0; i < 20_000; i++) {
                StringBuilder value = new StringBuilder("0");
                int digits = 8 + random.nextInt(5);
                for (int d = 1; d < digits; d++) {
                    value.append((char) ('0' + random.nextInt(10)));
                    if (random.nextInt(4) == 0) {
                        value.append(random.nextBoolean() ? ' ' : '-');
                    }
                }
                String v = value.toString();
                var number = PhoneRecogniser.nationalNumber(v);
                if (number != null) {
                    built++;
                    assertThat(number).as(v).isEqualTo(phones.parse(v, "GB"));
                    assertThat(r.isValue(v)).as(v).isEqualTo(phones.isValidNumber(phones.parse(v, "GB")) || drama(v));
                }
            }
            assertThat(built).isGreaterThan(5_000);
            // The Crown dependencies share +44 with their own plans, claimed by leading digits; random digits
            // rarely land there, so numbers are also made after real leading digits of each region and type.
            String[] leading = {"01481", "07781", "07839", "07911", "01624", "07624", "07524", "01534", "07797",
                    "07509", "07700", "01632", "020", "0161", "0800", "0845", "0870", "0300", "055", "056", "070",
                    "076", "09", "0113", "01200", "016977", "07400", "07624 4"};
            int valid = 0;
            for (int i = 0; i < 10_000; i++) {
                StringBuilder value = new StringBuilder(leading[random.nextInt(leading.length)]);
                int digits = 9 + random.nextInt(3);
                while (value.toString().replaceAll("\\D", "").length() < digits) {
                    value.append((char) ('0' + random.nextInt(10)));
                }
                String v = value.toString();
                boolean expected = phones.isValidNumber(phones.parse(v, "GB")) || drama(v);
                assertThat(r.isValue(v)).as(v).isEqualTo(expected);
                valid += expected ? 1 : 0;
            }
            assertThat(valid).as("valid numbers among those made after leading digits").isGreaterThan(2_000);
            for (String v : new String[] {"01481 710123", "07781 123456", "01624 612345", "07624 312345",
                    "01534 712345", "07797 712345"}) {
                assertThat(r.isValue(v)).as(v).isEqualTo(phones.isValidNumber(phones.parse(v, "GB")));
            }
            // Ofcom's drama numbers are allocated to nobody (the plan says invalid) but fill test lists and
            // examples of lists of people, which are still lists.
            for (String v : new String[] {"01632 960123", "07700 900123", "+44 7700 900123", "(01632) 960123"}) {
                assertThat(phones.isValidNumber(phones.parse(v, "GB"))).as(v).isFalse();
                assertThat(r.isValue(v)).as(v).isTrue();
            }
            assertThat(r.isValue("01624 612345")).as("an Isle of Man landline").isTrue();
            assertThat(PhoneRecogniser.nationalNumber("+44 7911 123456")).isNull();
            assertThat(PhoneRecogniser.nationalNumber("00 44 7911 123456")).isNull();
            assertThat(PhoneRecogniser.nationalNumber("(01632) 960123")).isNull();
        }

        /** Whether a value is in one of Ofcom's ranges for drama (TV, radio, fiction), written out as Ofcom lists them. */
        private boolean drama(String v) {
            String digits = v.replaceAll("\\D", "").replaceFirst("^44", "0");
            return digits.matches("0(?:7700900|1632960|2079460|11[3-8]4960|1[2-6]14960|1914980|2890180|2920180"
                    + "|8081570|9098790|3069990)\\d{3}");
        }
    }

    @Nested
    class Emails {
        private final PatternRecogniser r = declared(DataKind.EMAIL);

        @Test
        void validInvalidAndLookAlike() {
            assertThat(r.isValue("jane.smith@example.org.uk")).isTrue();
            assertThat(r.isValue("j.o'neill+news@mail.example.com")).isTrue();
            assertThat(r.isValue("jane..smith@example.org")).isFalse();
            assertThat(r.isValue("jane@localhost")).isFalse();
            assertThat(kinds(r, "@LibDems on Twitter, not an address; write to press@example.org"))
                    .containsExactly(DataKind.EMAIL);
        }

        /**
         * The pattern is read by hand, '@' by '@': the values must be those the regex finds line by line, for
         * local parts and labels at and beyond their lengths, domains with more labels than allowed, and
         * top-level labels that run into a digit, a mark or a letter beyond ASCII.
         */
        @Test
        void findsWhatTheShapeFindsLineByLine() {
            List<String> pieces = List.of("jo.smith@example.org", "a", "b", "Z9", "-", ".", "..", "@", "@", " ", "\n",
                    "\u00e9", "\u0301", "_", "'", "+", "%", ",", "x".repeat(63), "y".repeat(62), "z".repeat(25), "uk",
                    "com", "c0m", ".co.uk", "a.b.c.d.e.f.g", "-x.", "org");
            java.util.Random random = new java.util.Random(12);
            int values = 0;
            for (int i = 0; i < 20_000; i++) {
                String t = RandomText.ofPieces(random, pieces, random.nextInt(30));
                List<String> expected = new java.util.ArrayList<>();
                int from = 0;
                for (String line : t.split("\n", -1)) {
                    java.util.regex.Matcher m = r.pattern().matcher(t).region(from, from + line.length());
                    while (m.find()) {
                        if (r.validate(m.group())) {
                            expected.add(m.start() + "-" + m.end());
                        }
                    }
                    from += line.length() + 1;
                }
                assertThat(r.find(t)).as(t).extracting(x -> x.start() + "-" + x.end()).isEqualTo(expected);
                values += expected.size();
            }
            assertThat(values).isGreaterThan(5_000);
        }
    }

    @Nested
    class DatesOfBirth {
        private final PatternRecogniser r = declared(DataKind.DATE_OF_BIRTH);

        @Test
        void needsBirthContextInText() {
            assertThat(kinds(r, "DOB: 14/03/1962")).containsExactly(DataKind.DATE_OF_BIRTH);
            assertThat(kinds(r, "born 3rd March 1958 in Kendal")).containsExactly(DataKind.DATE_OF_BIRTH);
            assertThat(kinds(r, "Next meeting 14/03/2024 at 7pm")).isEmpty();
        }

        /**
         * "Reborn" holds no "born", not even for a window (40 characters here) that begins inside it; "born"
         * counts while the window reaches into it.
         */
        @Test
        void aContextWordCountsOnlyAsAWordOfItsOwn() {
            for (int pad = 1; pad <= 60; pad++) {
                String gap = " ".repeat(pad);
                assertThat(kinds(r, "Reborn" + gap + "14/03/1962")).as("pad %d", pad).isEmpty();
                assertThat(kinds(r, "born" + gap + "14/03/1962")).as("pad %d", pad).hasSize(pad < 40 ? 1 : 0);
            }
        }

        @Test
        void rejectsImpossibleDates() {
            assertThat(r.isValue("31/02/1980")).isFalse();
            assertThat(r.isValue("01/01/1850")).isFalse();
            assertThat(r.isValue("01/01/2999")).isFalse();
            assertThat(r.isValue("1980-02-29")).isTrue();
        }
    }

    @Nested
    class NationalInsurance {
        private final PatternRecogniser r = declared(DataKind.NATIONAL_INSURANCE_NUMBER);

        @ParameterizedTest
        @ValueSource(strings = {"AB 12 34 56 C", "AB123456C", "JG 10 38 32 D", "ZA 11 22 33 A"})
        void valid(String ni) {
            assertThat(r.isValue(ni)).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"GB 12 34 56 A", "NK123456A", "TN123456B", "ZZ123456C", "QQ123456C", "DA123456A",
                "AO123456A", "AB123456E", "AB12345C"})
        void bannedPrefixesAndBadShapes(String ni) {
            assertThat(r.isValue(ni)).isFalse();
        }
    }

    @Nested
    class NhsNumbers {
        private final PatternRecogniser r = declared(DataKind.NHS_NUMBER);

        @Test
        void checkDigit() {
            assertThat(r.isValue("943 476 5919")).isTrue();
            assertThat(r.isValue("9434765919")).isTrue();
            assertThat(r.isValue("943 476 5918")).isFalse();
        }

        @Test
        void needsContextInText() {
            assertThat(kinds(r, "NHS number 943 476 5919")).containsExactly(DataKind.NHS_NUMBER);
            assertThat(kinds(r, "Order id 9434765919 shipped")).isEmpty();
        }
    }

    @Nested
    class ElectorNumbers {
        private final PatternRecogniser r = declared(DataKind.ELECTOR_NUMBER);

        @Test
        void councilShapes() {
            assertThat(r.isValue("KA1-123/1")).isTrue();
            assertThat(r.isValue("AB 0456")).isTrue();
            assertThat(r.isValue("KA1/12.2")).isTrue();
            assertThat(r.isValue("KA1-0")).isFalse();
            assertThat(r.isValue("123")).isFalse();
        }

        @Test
        void needRegisterWordsInText() {
            assertThat(kinds(r, "From the electoral register: KA1-123/1 is new")).containsExactly(DataKind.ELECTOR_NUMBER);
            assertThat(kinds(r, "Meet in room KA1-123 at 7")).isEmpty();
        }
    }

    @Nested
    class MembershipNumbers {
        private final PatternRecogniser r = declared(DataKind.MEMBERSHIP_NUMBER);

        @Test
        void onlyNextToMembershipWords() {
            assertThat(kinds(r, "Membership number: 1234567")).containsExactly(DataKind.MEMBERSHIP_NUMBER);
            assertThat(kinds(r, "Invoice 1234567 for the membership drive leaflets, paid last month"))
                    .isEmpty();
        }
    }

    @Nested
    class BankAccounts {
        private final PatternRecogniser r = declared(DataKind.BANK_ACCOUNT);

        @Test
        void sortCodeWithAccountOrWords() {
            assertThat(kinds(r, "pay 20-00-00 acc 12345678")).containsExactly(DataKind.BANK_ACCOUNT);
            assertThat(kinds(r, "Sort code 20-00-00")).containsExactly(DataKind.BANK_ACCOUNT);
            assertThat(kinds(r, "score was 12-10-08 after extra time")).isEmpty();
        }
    }

    @Nested
    class PaymentCards {
        private final PatternRecogniser r = declared(DataKind.PAYMENT_CARD);

        @Test
        void luhnAndScheme() {
            assertThat(r.isValue("4111 1111 1111 1111")).isTrue();
            assertThat(r.isValue("5555-5555-5555-4444")).isTrue();
            assertThat(r.isValue("4111 1111 1111 1112")).isFalse();
            assertThat(r.isValue("1234 5678 9012 3452")).isFalse(); // Luhn-valid, no scheme starts with 1
        }
    }

    @Nested
    class Names {
        private final PersonNameRecogniser r = new PersonNameRecogniser();

        /** Names before an address are read by hand: at every word start they must end where the pattern ends. */
        @Test
        void namesBeforeAnAddressEndWhereThePatternEnds() throws IOException {
            List<String> texts = CorpusPart.texts();
            java.util.Random random = new java.util.Random(29);
            List<String> pieces = List.of("Pat Mann", "Omar O'Neill", "Jo Smith-Jones", "Mc", "Pat", " of", " at",
                    " from", ",", " ", " ", "Flat ", "Flat 2, ", "12 ", "7a ", "7a, ", "1234 ", "12345 ", "Mill Way",
                    "Mill", "mill", "X", "\n", "é", "\u0301", "-", "Ab", "2B ");
            for (int k = 0; k < 30_000; k++) {
                texts.add(RandomText.ofPieces(random, pieces, random.nextInt(12)));
            }
            // Shaped like a name before an address, each part now and then wrong.
            List<String> words = List.of("Pat", "O'Neill", "Smith-Jones", "Mc", "Mrs", "X", "Ann-", "Jo’Ann", "Lee2");
            List<String> joints = List.of("", " of", " at", " from", ",", " by", ";");
            List<String> flats = List.of("", "", "Flat 2, ", "Flat 12a ", "Flat x ", "Flat 12345 ");
            List<String> numbers = List.of("12", "7a,", "1234", "12345", "3B", "a1", "");
            List<String> streets = List.of("Mill Way", "MILL", "Mé", "mill", "M");
            for (int k = 0; k < 30_000; k++) {
                texts.add(pick(random, words) + " " + pick(random, words) + pick(random, joints) + " "
                        + pick(random, flats) + pick(random, numbers) + " " + pick(random, streets));
            }
            int matched = handReadingAgreesWithPattern(PersonNameRecogniser.BEFORE_ADDRESS.pattern(),
                    PersonNameRecogniser::beforeAddressEnd, texts, random);
            assertThat(matched).isGreaterThan(1000);
        }

        private static String pick(java.util.Random random, List<String> pieces) {
            return pieces.get(random.nextInt(pieces.size()));
        }

        /** Titled names are read by hand: at every word start they must end where the titled pattern ends. */
        @Test
        void titledNamesEndWhereThePatternEnds() throws IOException {
            List<String> texts = CorpusPart.texts();
            java.util.Random random = new java.util.Random(25);
            List<String> pieces = List.of("Mr ", "Mrs ", "Mrs. ", "Dr.", "Cllr ", "Councillor ", "Revd", "Mré", " ",
                    " ", "  ", ".", "A", "J. ", "B ", "Smith ", "Smith", "O'Neill", "O’Brien ", "Smith-Jones", "Mc",
                    "McDonald", "-", "'", "s", "2", "_", "\u0301", "é", "\n", "Ab", "X-", "Jo-J", ",", "Jo ");
            for (int k = 0; k < 30_000; k++) {
                texts.add(RandomText.ofPieces(random, pieces, random.nextInt(12)));
            }
            int matched = handReadingAgreesWithPattern(PersonNameRecogniser.TITLED.pattern(),
                    PersonNameRecogniser::titledEnd, texts, random);
            assertThat(matched).isGreaterThan(3000);
        }

        @Test
        void titlesListsAndRegisterStyle() {
            assertThat(kinds(r, "Mrs Abshire rang about the bins")).containsExactly(DataKind.PERSON_NAME);
            assertThat(kinds(r, "Spoke to Jane Smith yesterday")).containsExactly(DataKind.PERSON_NAME);
            assertThat(kinds(r, "SMITH, Jane")).containsExactly(DataKind.PERSON_NAME);
        }

        /** A capitalised word before a name does not hide it: the pair is looked for from the given name. */
        @Test
        void nameAfterAGreetingOrAThanks() {
            assertThat(r.find("Dear Jane Smith, thank you")).extracting(Match::start).containsExactly(5);
            assertThat(r.find("Thanks Janet Mann for the leaflets")).extracting(Match::start).containsExactly(7);
        }

        @Test
        void placesNamedAfterPeopleAreNotPeople() {
            assertThat(kinds(r, "at St Mary's Church Hall on Mary Street")).isEmpty();
            assertThat(kinds(r, "The Lib Dems won; Labour came second")).isEmpty();
        }

        /** A given name asked about in place, in any case of its ASCII letters, is listed as the word is. */
        @Test
        void givenNamesAskedInPlaceAreTheListsAnswer() throws java.io.IOException {
            List<String> words = new java.util.ArrayList<>(List.of("Jane", "JANE", "jane", "Jan", "Janex", "Mary-Jane",
                    "O’Brien", "Zoë", "J", "Christopherson", "Aaliyahh"));
            try (var in = PersonNameRecogniser.class.getResourceAsStream("given-names.txt")) {
                for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        words.add(line.strip());
                    }
                }
            }
            java.util.Random random = new java.util.Random(30);
            for (int k = 0; k < 5000; k++) {
                StringBuilder word = new StringBuilder();
                for (int i = 1 + random.nextInt(13); i > 0; i--) {
                    word.append((char) ((random.nextBoolean() ? 'a' : 'A') + random.nextInt(26)));
                }
                words.add(word.toString());
            }
            int listed = 0;
            for (String word : words) {
                String mixed = random.nextBoolean() ? word.toUpperCase(java.util.Locale.ROOT) : word;
                String text = "Dear " + mixed + " Smith";
                boolean expected = NameLists.isGivenName(mixed);
                assertThat(NameLists.isGivenName(text, 5, 5 + mixed.length())).as(mixed).isEqualTo(expected);
                listed += expected ? 1 : 0;
            }
            assertThat(listed).isGreaterThan(300);
        }

        /** A name cell, and a full name in a cell, are decided by hand exactly as their patterns decide them. */
        @Test
        void nameCellsAreWhatTheCellPatternMatches() throws java.io.IOException {
            List<String> cells = new java.util.ArrayList<>(List.of("Mrs J. Smith", "Cllr. Ann Marie van Dyke",
                    "Mr A B C D", "Mr A B C D E", "Jo O'Neill", "Jo O'", "SMITH, Jane", "O'NEILL-RYAN, Sean Paul",
                    "SMITH, Jane Ann Lee", "S, Jo", "Smith ,Jane", "J", "j.", "Prof. X y. Zed’s", "Dame", "A  B",
                    "Jo Ann Lee Kim Smith", "Mr Jo Ann Lee Smith", "Mr. Jo Ann Lee Kim Smith"));
            for (String text : CorpusPart.texts()) {
                for (String line : text.split("\n")) {
                    cells.addAll(List.of(line.split("[\t;|]")));
                }
            }
            java.util.Random random = new java.util.Random(33);
            String[] pieces = {"Mr", "Mrs", "Cllr", "Dr", "Jo", "ANN", "Smith", "o", "x", "J", ".", " ", " ", ",", "'",
                    "’", "-", "Q", "van", "Lee", "Ann-Marie", " O'Neill", " Li"};
            for (int k = 0; k < 40_000; k++) {
                StringBuilder cell = new StringBuilder();
                for (int i = 1 + random.nextInt(14); i > 0; i--) {
                    cell.append(pieces[random.nextInt(pieces.length)]);
                }
                cells.add(cell.toString());
            }
            int names = 0;
            int fullNames = 0;
            for (String cell : cells) {
                boolean expected = PersonNameRecogniser.CELL.matcher(cell).matches();
                assertThat(PersonNameRecogniser.isNameCell(cell)).as(cell).isEqualTo(expected);
                names += expected ? 1 : 0;
                boolean full = PersonNameRecogniser.FULL_NAME_CELL.matcher(cell.strip()).matches();
                assertThat(r.hasFullNameWords(cell)).as(cell).isEqualTo(full);
                fullNames += full ? 1 : 0;
            }
            assertThat(names).isGreaterThan(2000);
            assertThat(fullNames).isGreaterThan(200);
        }

        /** The words of a cell, walked by hand, are those {@code [A-Za-z'’-]+} finds. */
        @Test
        void wordsOfACellAreTheRegexsWords() {
            java.util.regex.Pattern token = java.util.regex.Pattern.compile("[A-Za-z'’-]+");
            String alphabet = "aZq'’- .,1é\tO";
            java.util.Random random = new java.util.Random(21);
            for (int k = 0; k < 20_000; k++) {
                String value = RandomText.of(random, alphabet, random.nextInt(12));
                List<String> byHand = new java.util.ArrayList<>();
                for (int i = PersonNameRecogniser.nextToken(value, 0); i < value.length();
                        i = PersonNameRecogniser.nextToken(value, PersonNameRecogniser.tokenEnd(value, i))) {
                    byHand.add(value.substring(i, PersonNameRecogniser.tokenEnd(value, i)));
                }
                List<String> byRegex = token.matcher(value).results().map(java.util.regex.MatchResult::group).toList();
                assertThat(byHand).as(value).isEqualTo(byRegex);
            }
        }

        @Test
        void cells() {
            assertThat(r.isValue("Jane Smith")).isTrue();
            assertThat(r.isValue("Mr Q Xylophonist")).isTrue();
            assertThat(r.isValue("Leaflet printing")).isFalse();
            assertThat(r.isValue("12 Acacia Road")).isFalse();
        }
    }

    @Nested
    class Addresses {
        private final StreetAddressRecogniser r = new StreetAddressRecogniser();

        @Test
        void strongerNearAPostcode() {
            assertThat(r.find("12 Acacia Road, Kendal LA9 4XB")).singleElement()
                    .satisfies(m -> assertThat(m.score()).isGreaterThanOrEqualTo(0.8));
            assertThat(r.find("deliver 240 leaflets on Acacia Road")).isEmpty();
            assertThat(r.find("Flat 2, 14 Mill Lane")).singleElement()
                    .satisfies(m -> assertThat(m.score()).isLessThan(0.5));
        }

        /** In running text the pattern is read by hand: at every word start it must end where the regex ends. */
        @Test
        void handWrittenMatcherEndsWhereThePatternEnds() throws IOException {
            List<String> pieces = List.of("Flat ", "Apartment ", "Apt ", "Unit", " ", " ", " ", ",", "12", "7", "1234",
                    "12345", "3a", "B", "Road", "Rd", "St", "Street", "Meadow", "Meadows", "Park", "Oak", "O’Brien",
                    "X-Ray", "é", "\u0301", "\n", "_", "Lane", "ab", "Abcdefghijklmnopqrstu", "Ab'c", "Way");
            assertThat(handMatcherAgreesWithPattern(r, pieces, 15)).isGreaterThan(2000);
        }

        /**
         * The postcode after a street is looked for by hand: from every place of a text it must find what the
         * postcode-shape regex finds in the stretch that follows, searched on its own.
         */
        @Test
        void postcodeAfterIsWhatTheRegexFindsInTheStretch() throws IOException {
            List<String> texts = CorpusPart.texts();
            java.util.Random random = new java.util.Random(21);
            List<String> pieces = List.of("LA9 4XB", "SW1A 1AA", "M1 1AE", "LA", "S", "W", "ABC", "1", "9", "4", "XB",
                    "A", " ", " ", "\n", "é", "\u0301", "_", "a", ",", "Road", " Kendal ");
            for (int k = 0; k < 20_000; k++) {
                texts.add(RandomText.ofPieces(random, pieces, random.nextInt(40)));
            }
            java.util.regex.Matcher regex = StreetAddressRecogniser.POSTCODE_AFTER.matcher("");
            int found = 0;
            for (String text : texts) {
                ScannedText scanned = new ScannedText(text);
                regex.reset(text);
                for (int end = 0; end <= text.length(); end++) {
                    boolean expected = regex.region(end,
                            Math.min(text.length(), end + StreetAddressRecogniser.POSTCODE_WINDOW)).find();
                    assertThat(StreetAddressRecogniser.postcodeAfter(scanned, end)).as("[%s] after %d", text, end)
                            .isEqualTo(expected);
                    found += expected ? 1 : 0;
                }
            }
            assertThat(found).isGreaterThan(20_000);
        }
    }

    /**
     * Cells shaped like each kind's numbers, with as many digits as its values have and one more or fewer:
     * long numbers (cards, phones), NHS numbers in their groups, NI numbers, dates, sort codes with an
     * account, elector numbers.
     */
    private static List<String> numberShapedCells(java.util.Random random) {
        String separator = String.valueOf("/.-".charAt(random.nextInt(3)));
        String nhs = digitGroups(random, 9 + random.nextInt(3)).replace(" ", "").replace("-", "");
        return List.of(digitGroups(random, 5 + random.nextInt(17)),
                nhs.substring(0, 3) + " " + nhs.substring(3, 6) + " " + nhs.substring(6),
                "AB" + digitGroups(random, 5 + random.nextInt(3)) + (random.nextBoolean() ? " C" : "C"),
                random.nextInt(40) + separator + random.nextInt(14) + separator + (1900 + random.nextInt(130)),
                digitGroups(random, 2) + "-" + digitGroups(random, 2) + "-" + digitGroups(random, 2) + " "
                        + digitGroups(random, 7 + random.nextInt(3)).replace(" ", "").replace("-", ""),
                "ABC" + random.nextInt(100) + "-" + random.nextInt(100_000) + "/" + random.nextInt(100));
    }

    /** So many random digits, each after the first with a space or dash before it now and then. */
    private static String digitGroups(java.util.Random random, int digits) {
        StringBuilder b = new StringBuilder();
        for (int d = 0; d < digits; d++) {
            if (d > 0 && random.nextInt(4) == 0) {
                b.append(random.nextBoolean() ? ' ' : '-');
            }
            b.append((char) ('0' + random.nextInt(10)));
        }
        return b.toString();
    }

    /**
     * A cell is a value when the whole of it matches the pattern and the validator agrees: the hand-written
     * tests put before the pattern must not change that, for cells of every shape.
     */
    @Test
    void cellValuesAreWhatThePatternAndValidatorSay() throws IOException {
        java.util.Random random = new java.util.Random(17);
        List<String> cells = new java.util.ArrayList<>();
        for (String text : CorpusPart.texts()) {
            cells.addAll(List.of(text.split("[\t,;\n]")));
        }
        String alphabet = "0123456789 AaBCEHJLMNPQRSTWZz@.-/_:";
        for (int i = 0; i < 30_000; i++) {
            cells.add(RandomText.of(random, alphabet, random.nextInt(16)));
        }
        for (int i = 0; i < 30_000; i++) { // shaped like postcodes, often enough to be some
            cells.add(RandomText.of(random, "LAW19 BDs", 5 + random.nextInt(4)));
        }
        List<String> numbers = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "12", "345", " ", "-", "/",
                ".", "AB", "C", "D", "ABC1", "E");
        for (int i = 0; i < 60_000; i++) { // digits around each kind's most, so a digit limit set too low shows
            cells.add(RandomText.ofPieces(random, numbers, 4 + random.nextInt(20)));
        }
        for (int i = 0; i < 30_000; i++) {
            cells.addAll(numberShapedCells(random));
        }
        List<String> streets = List.of("Flat ", "Apt ", "12", "3a", ",", " ", " ", "Mill ", "Park ", "Road", "Lane",
                "Meadow", "Meadows", "St", "Oak", "O’Neill ", "é", "  ");
        for (int i = 0; i < 30_000; i++) { // shaped like street addresses, with as many words as go before one
            cells.add(RandomText.ofPieces(random, streets, 2 + random.nextInt(6)));
        }
        int values = 0;
        for (Recogniser r : RecogniserRegistry.standard().all()) {
            if (!(r instanceof PatternRecogniser p)) {
                continue;
            }
            for (String cell : cells) {
                String v = (inCapitals(p) ? cell.toUpperCase(java.util.Locale.ROOT) : cell).strip();
                boolean expected = !v.isEmpty() && v.length() < 64 && p.pattern().matcher(v).matches()
                        && p.validate(v);
                assertThat(p.isValue(cell)).as("%s [%s]", r.kind(), cell).isEqualTo(expected);
                values += expected ? 1 : 0;
            }
        }
        assertThat(values).isGreaterThan(500);
    }

    /**
     * The hand-written tests of a start are necessary conditions only: wherever a recogniser's pattern matches at
     * a word start of running text, they must let it be tried there.
     */
    @Test
    void startTestsPassWhereverThePatternMatches() throws IOException {
        java.util.Random random = new java.util.Random(23);
        List<String> texts = CorpusPart.texts();
        List<String> pieces = List.of("12", "34", "5", "6789", "12345678", "-", " ", " ", "/", ".", ",", "\n", "@",
                "Flat ", "Unit ", "AB", "LA9 4XB", "Road", "QQ", "x", "e", "é", "07700 900123", "12-34-56", "1st ",
                "May", "NHS ", "943 476 5919", "4111 1111 1111 1111", "sort code ", "DOB ");
        for (int k = 0; k < 20_000; k++) {
            texts.add(RandomText.ofPieces(random, pieces, random.nextInt(14)));
        }
        int[] matched = {0};
        for (Recogniser r : RecogniserRegistry.standard().all()) {
            if (!(r instanceof PatternRecogniser p) || p.digitAnchor() < 0) {
                continue;
            }
            WordStarts starts = new WordStarts(p.pattern());
            forEachWordStart(p.pattern(), texts, (regex, text, i, lineEnd) -> {
                if (regex.region(i, lineEnd).lookingAt()) {
                    assertThat(starts.mayStartAt(text, i) && p.mayBeginAt(text, i))
                            .as("%s [%s] at %d", r.kind(), text, i).isTrue();
                    matched[0]++;
                }
            });
        }
        assertThat(matched[0]).isGreaterThan(20_000);
    }

    /** Only patterns the automata read as the regex does are taken: no dot, anchor, lookaround or escape. */
    @Test
    void plainPatternsOnly() {
        assertThat(PlainPattern.whole("(?:vi|vote) ?\\d{2,4}|pd").run("vote 2024")).isTrue();
        assertThat(PlainPattern.beginning("7[56]").run("7512")).isTrue();
        for (String regex : List.of("a.b", "^ab", "(?!)", "(?i)ab", "a\\sb", "A", "a*")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> PlainPattern.plain(regex)).as(regex)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** Postcodes are redacted by hand: the result must be what the postcode pattern's groups give. */
    @Test
    void postcodeRedactionIsWhatThePostcodePatternGives() {
        java.util.Random random = new java.util.Random(19);
        int postcodes = 0;
        for (int i = 0; i < 40_000; i++) {
            String v = RandomText.ofPieces(random, List.of("A", "bC", "AB", "9", "12", " ", "1AB", "2zz", "9Xa", "\t",
                    "x9", "É"), 1 + random.nextInt(5));
            var m = Redactor.POSTCODE.matcher(v.strip());
            boolean shaped = m.matches();
            String expected = shaped ? m.group(1).toUpperCase(java.util.Locale.ROOT) + " " + m.group(2) + "**"
                    : Redactor.masked(v);
            assertThat(Redactor.postcode(v)).as(v).isEqualTo(expected);
            postcodes += shaped ? 1 : 0;
        }
        assertThat(postcodes).isGreaterThan(500);
    }

    /** Names are redacted by hand: the result must be the word pattern's replaceAll. */
    @Test
    void nameRedactionIsWhatTheWordPatternGives() {
        java.util.Random random = new java.util.Random(16);
        String alphabet = "aZé' ’-. 7\t\u0301\u00df\u03a3\ud835\udc00\ud83d\ude00";
        for (int i = 0; i < 20_000; i++) {
            String v = RandomText.of(random, alphabet, random.nextInt(14));
            String expected = Redactor.WORD.matcher(v.strip())
                    .replaceAll(m -> m.group().charAt(0) + "*".repeat(m.group().length() - 1));
            assertThat(Redactor.name(v)).as(v).isEqualTo(expected);
        }
    }

    @Test
    void redaction() {
        assertThat(Redactor.name("Jane Smith")).isEqualTo("J*** S****");
        assertThat(Redactor.postcode("LA9 4XB")).isEqualTo("LA9 4**");
        assertThat(Redactor.masked("07700 900123")).doesNotContain("900123");
    }

    private static final ColumnHeadings HEADINGS = new ColumnHeadings(RecogniserRegistry.standard());

    /** What a header names with the standard registry: a role, or a declared identifier's kind. */
    private static Object named(String header) {
        ColumnHeadings.Heading h = HEADINGS.of(header);
        return h.declared() != null ? h.declared() : h.role();
    }

    @Test
    void columnHeaders() {
        assertThat(named("Address_1")).isEqualTo(ColumnRole.ADDRESS);
        assertThat(named("Elector Number")).isEqualTo(DataKind.ELECTOR_NUMBER);
        assertThat(named("PD")).isEqualTo(ColumnRole.POLLING_DISTRICT);
        assertThat(named("VI 2024")).isEqualTo(ColumnRole.VOTING_INTENTION);
        assertThat(named("Postal Voter")).isEqualTo(ColumnRole.ABSENT_VOTER);
        assertThat(named("Column 3")).isEqualTo(ColumnRole.UNKNOWN);
        assertThat(named("Forename")).isEqualTo(ColumnRole.GIVEN_NAME);
        assertThat(named("D/O/B")).isEqualTo(DataKind.DATE_OF_BIRTH);
    }

    @Test
    void welshAndBilingualColumnHeaders() {
        assertThat(named("Enw / Name")).isEqualTo(ColumnRole.FULL_NAME);
        assertThat(named("Cyfeiriad")).isEqualTo(ColumnRole.ADDRESS);
        assertThat(named("Côd post")).isEqualTo(DataKind.POSTCODE);
        assertThat(named("Cod post / Postcode")).isEqualTo(DataKind.POSTCODE);
        assertThat(named("Ffôn / Phone")).isEqualTo(ColumnRole.PHONE);
        assertThat(named("Rhif ffôn symudol")).isEqualTo(ColumnRole.PHONE);
        assertThat(named("Cyfeiriad e-bost")).isEqualTo(DataKind.EMAIL);
        assertThat(named("Bwriad pleidleisio / VI")).isEqualTo(ColumnRole.VOTING_INTENTION);
        assertThat(named("Rhif etholwr")).isEqualTo(DataKind.ELECTOR_NUMBER);
        assertThat(named("Ward / Party")).isEqualTo(ColumnRole.TOWN);
        assertThat(named("Column 3 / Colofn 3")).isEqualTo(ColumnRole.UNKNOWN);
        assertThat(named("NHS no / Enw")).isEqualTo(DataKind.NHS_NUMBER);
    }

    /** Headers are normalised by hand; the result must be what lower-casing and one regex would give. */
    @Test
    void headerNormalFormIsWhatLowerCasingAndARegexGive() {
        java.util.regex.Pattern punctuation = java.util.regex.Pattern.compile("[^a-z0-9]+");
        String alphabet = "aZ09 _-./\t\u00e9\u00c9\u0130\u212a\u00df\u03a3\ud83d\ude00'\u2019";
        java.util.Random random = new java.util.Random(5);
        for (int i = 0; i < 20_000; i++) {
            String h = RandomText.of(random, alphabet, random.nextInt(12));
            assertThat(ColumnRole.normal(h)).as(h)
                    .isEqualTo(punctuation.matcher(h.toLowerCase(java.util.Locale.ROOT)).replaceAll(" ").strip());
        }
        assertThat(ColumnRole.normal("  E-Mail_Address ")).isEqualTo("e mail address");
        // Headers are read by the automata of the roles that can begin with their first character, one role
        // after another: the answer must be that of the pattern of all roles.
        java.util.List<String> headers = new java.util.ArrayList<>(List.of("VI 2024", "vote 2019", "Address 3",
                "addr6", "e mail addr", "Mobile No", "PD ENO", "n", "ni", "pv", "postal proxy", "Opt out", "mayra"));
        for (ColumnRole role : ColumnRole.values()) {
            headers.add(role.name().replace('_', ' '));
        }
        for (int i = 0; i < 20_000; i++) {
            headers.add(RandomText.of(random, "aeinoprstvdlmu 0123", 1 + random.nextInt(8)));
        }
        List<String> words = List.of("address", "line", "e", "mail", "vi", "vote", "20", "2024", "post", "code",
                "postal", "voter", "name", "first", "elector", "number", "no", "pd", "eno", " ", " ", "_", "1", "7");
        for (int i = 0; i < 20_000; i++) { // made of header words, so that many are headers and many nearly are
            String h = RandomText.ofPieces(random, words, 1 + random.nextInt(4));
            headers.add(h);
            StringBuilder mixed = new StringBuilder(h); // and in mixed case, with the odd letter beyond ASCII
            for (int k = 0; k < mixed.length(); k++) {
                int roll = random.nextInt(8);
                mixed.setCharAt(k, roll < 3 ? Character.toUpperCase(mixed.charAt(k))
                        : roll == 3 && random.nextInt(6) == 0 ? '\u00c9' : mixed.charAt(k));
            }
            headers.add(mixed.toString());
        }
        int known = 0;
        for (String h : headers) {
            String normal = ColumnRole.normal(h);
            ColumnRole expected = normal.isEmpty() ? ColumnRole.UNKNOWN : ColumnRole.byAllRoles(normal);
            assertThat(ColumnRole.of(h)).as(h).isEqualTo(expected);
            known += expected == ColumnRole.UNKNOWN ? 0 : 1;
        }
        assertThat(known).isGreaterThan(2000);
        assertThat(ColumnRole.of("\u212aNOWN AS")).isEqualTo(ColumnRole.GIVEN_NAME);
    }

    /** The fields of each line are counted from the delimiters' places in the text: as the regexes split it. */
    @Test
    void fieldsOfEachLineAreCountedAsTheDelimitersRegexSplitsIt() {
        String[] regexes = {"\t", "\\|", ";", ",", " {2,}"};
        String alphabet = "ab   \t|;,\u00a0x\n\r";
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 20_000; i++) {
            String text = RandomText.of(random, alphabet, random.nextInt(40));
            TextTableSniffer.Lines lines = TextTableSniffer.Lines.of(text);
            int[] fields = TextTableSniffer.fieldCounts(lines);
            for (int line = 0; line < lines.count(); line++) {
                String stripped = lines.line(line).strip();
                for (int d = 0; d < regexes.length; d++) {
                    int expected = stripped.isEmpty() ? 0 : stripped.split(regexes[d], -1).length;
                    assertThat(fields[line * regexes.length + d]).as("line %d of [%s] on %s", line, text, regexes[d])
                            .isEqualTo(expected);
                }
            }
        }
    }

    /**
     * Columns are passed over for a recogniser when too few cells have as many digits as its values have: that
     * holds only if no value the pattern and validator accept has fewer or more.
     */
    @Test
    void noValueHasFewerOrMoreDigitsThanItsRecogniserSays() throws java.io.IOException {
        List<String> cells = new java.util.ArrayList<>();
        for (String text : CorpusPart.texts()) {
            for (String line : text.split("\n")) {
                cells.addAll(List.of(line.split("[\t,;|]")));
            }
        }
        java.util.Random random = new java.util.Random(31);
        String alphabet = "0123456789 -/.ABCDEFGHJKLMNPQRSTWXYZ";
        for (int k = 0; k < 30_000; k++) {
            cells.add(RandomText.of(random, alphabet, 4 + random.nextInt(16)));
            cells.addAll(numberShapedCells(random));
        }
        for (Recogniser r : RecogniserRegistry.standard().all()) {
            if (r instanceof PatternRecogniser p && p.digitAnchor() >= 0) {
                int values = 0;
                for (String cell : cells) {
                    String v = (inCapitals(p) ? cell.toUpperCase(java.util.Locale.ROOT) : cell)
                            .strip();
                    if (p.pattern().matcher(v).matches() && p.validate(v)) {
                        values++;
                        assertThat(PatternRecogniser.asciiDigits(v)).as("%s: %s", r.kind(), v)
                                .isGreaterThanOrEqualTo(p.minDigits()).isLessThanOrEqualTo(p.maxDigits());
                    }
                }
                assertThat(values).as("values of %s", r.kind()).isGreaterThan(20);
            }
        }
    }

    /** Pasted lines are split by hand; the cells must be those of the delimiter's regex. */
    @Test
    void pastedLinesSplitAsTheDelimitersRegexSplitsThem() {
        String[] regexes = {"\t", "\\|", ";", ",", " {2,}"};
        String alphabet = "ab  \t|;,\u00a0x";
        java.util.Random random = new java.util.Random(6);
        for (int i = 0; i < 20_000; i++) {
            String stripped = RandomText.of(random, alphabet, random.nextInt(16)).strip();
            for (int d = 0; d < regexes.length; d++) {
                List<String> expected = java.util.Arrays.stream(stripped.split(regexes[d], -1)).map(String::strip).toList();
                assertThat(TextTableSniffer.cells(stripped, d)).as("[" + stripped + "] on " + regexes[d])
                        .isEqualTo(expected);
                // Read in place, as a line of a longer text whose other lines hold delimiters too.
                String before = RandomText.of(random, alphabet, random.nextInt(8)) + "\n";
                String text = before + stripped + "\n" + RandomText.of(random, alphabet, random.nextInt(8));
                assertThat(TextTableSniffer.cells(text, before.length(), before.length() + stripped.length(), d))
                        .as("[" + stripped + "] in [" + text + "] on " + regexes[d]).isEqualTo(expected);
            }
        }
    }
}
