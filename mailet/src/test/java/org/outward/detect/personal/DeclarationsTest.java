package org.outward.detect.personal;

import static org.assertj.core.api.Assertions.assertThat;

import dk.brics.automaton.Automaton;
import dk.brics.automaton.RegExp;
import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Identifiers as declarations: the scanning plan worked out from each, the registry, custom identifiers. */
class DeclarationsTest {

    /** A party's own case references, as a policy file might declare them. */
    private static final IdentifierDeclaration CASE_REFERENCE = new IdentifierDeclaration(
            DataKind.identifier("case-reference"), Pattern.compile("\\bCR-\\d{6}\\b"), CheckDigit.NONE,
            List.of("case"), List.of("Case Ref.", "case (?:number|no)"), false, 40, 0.7);

    /**
     * The facts worked out from each built-in shape are those its hand-written recogniser was tuned with
     * (the membership number's digit bound, unbounded there, is its shape's ten).
     */
    @Test
    void factsFromTheShapesAreThoseTheRecognisersWereTunedWith() {
        Map<DataKind, String> expected = Map.of(
                DataKind.NATIONAL_INSURANCE_NUMBER, "3 6 6", DataKind.NHS_NUMBER, "0 10 10",
                DataKind.PAYMENT_CARD, "0 13 19", DataKind.ELECTOR_NUMBER, "4 1 9",
                DataKind.MEMBERSHIP_NUMBER, "3 5 10", DataKind.BANK_ACCOUNT, "0 6 14",
                DataKind.DATE_OF_BIRTH, "0 1 8", DataKind.POSTCODE, "2 1 3");
        for (IdentifierDeclaration d : DeclarationFiles.builtIn()) {
            ShapeFacts f = ShapeFacts.of(d.shape());
            if (expected.containsKey(d.kind())) {
                assertThat(f.digitAnchor() + " " + f.minDigits() + " " + f.maxDigits()).as("%s", d.kind())
                        .isEqualTo(expected.get(d.kind()));
            }
        }
        ShapeFacts email = ShapeFacts.of(RecognisersTest.declared(DataKind.EMAIL).pattern());
        assertThat(email.digitAnchor()).isEqualTo(-1);
        assertThat(email.trigger()).isEqualTo('@');
    }

    /** What the regex library reads differently is refused, and searched line by line: slower, never wrong. */
    @Test
    void shapesTheAutomatonCannotReadAreSearchedEverywhere() {
        assertThat(ShapeFacts.of(Pattern.compile("\\b(?=\\d)\\w{6}\\b"))).isEqualTo(ShapeFacts.UNKNOWN);
        assertThat(ShapeFacts.of(Pattern.compile("\\b\\p{Lu}\\d{4}\\b"))).isEqualTo(ShapeFacts.UNKNOWN);
        ShapeFacts open = ShapeFacts.of(Pattern.compile("\\b[A-Z]+-\\d{3,}\\b"));
        assertThat(open.digitAnchor()).isEqualTo(-1); // any number of letters before the first digit
        assertThat(open.trigger()).isEqualTo('-');
        assertThat(open.maxDigits()).isEqualTo(Integer.MAX_VALUE);
    }

    /**
     * Every fact holds of values of each shape (built-in, and the kinds of shapes an admin writes), drawn at
     * random from the shape's automaton: they are what the scanning plan skips text by.
     */
    @Test
    void factsHoldOfEveryValueOfTheShape() {
        List<Pattern> shapes = new ArrayList<>();
        DeclarationFiles.builtIn().forEach(d -> shapes.add(d.shape()));
        shapes.addAll(List.of(Pattern.compile("\\bCR-\\d{6}\\b"), Pattern.compile("\\b(?:LD|LDM)\\d{3,8}[A-Z]?\\b"),
                Pattern.compile("\\b\\d{2}[ /]\\d{4}(?:-\\d{1,3})?\\b"), Pattern.compile("\\b[A-Z0-9]{8}\\b")));
        Random random = new Random(41);
        int checked = 0;
        for (Pattern shape : shapes) {
            ShapeFacts f = ShapeFacts.of(shape);
            Automaton a = new RegExp(AutomatonSyntax.of(shape.pattern()), RegExp.NONE).toAutomaton();
            for (int k = 0; k < 3_000; k++) {
                String v = RandomText.accepted(a, random);
                if (v == null) {
                    continue;
                }
                checked++;
                int digits = PatternRecogniser.asciiDigits(v);
                assertThat(digits).as("%s [%s]", shape, v).isLessThanOrEqualTo(f.maxDigits());
                assertThat(v.length()).as("%s [%s]", shape, v).isLessThanOrEqualTo(f.maxLength());
                int first = firstDigit(v);
                if (f.digitAnchor() >= 0) {
                    assertThat(first).as("%s [%s]", shape, v).isBetween(0, f.digitAnchor());
                    assertThat(DigitRuns.of(v).digits(0)).as("%s [%s]", shape, v)
                            .isGreaterThanOrEqualTo(f.minDigits());
                }
                if (f.trigger() != 0) {
                    assertThat(v).as("%s", shape).contains(String.valueOf(f.trigger()));
                }
            }
        }
        assertThat(checked).isGreaterThan(30_000);
    }

    private static int firstDigit(String v) {
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) >= '0' && v.charAt(i) <= '9') {
                return i;
            }
        }
        return -1;
    }

    @Test
    void kindsAreValuesInAStableOrder() {
        assertThat(DataKind.identifier("case-reference")).isEqualTo(new DataKind("case-reference", true));
        assertThat(DataKind.NHS_NUMBER.word()).isEqualTo("nhs-number");
        TreeSet<DataKind> kinds = new TreeSet<>(List.of(DataKind.identifier("zeta"), DataKind.PAYMENT_CARD,
                DataKind.identifier("alpha"), DataKind.PERSON_NAME, DataKind.POSTCODE));
        assertThat(kinds).extracting(DataKind::word)
                .containsExactly("person-name", "postcode", "payment-card", "alpha", "zeta");
    }

    /** Adding an identifier is adding its file: every file in the folder is a declaration the registry has. */
    @Test
    void everyFileOfTheIdentifiersFolderIsDeclared() {
        String[] files = new File("src/main/java/" + DeclarationFiles.PACKAGE.replace('.', '/')).list();
        assertThat(files).isNotNull();
        List<String> names = Arrays.stream(files).filter(f -> !f.equals("package-info.java"))
                .map(f -> f.replace(".java", "")).sorted().toList();
        assertThat(DeclarationFiles.builtIn()).hasSize(names.size());
        RecogniserRegistry standard = RecogniserRegistry.standard();
        assertThat(standard.declarations()).isEqualTo(DeclarationFiles.builtIn());
        for (IdentifierDeclaration d : standard.declarations()) {
            assertThat(standard.get(d.kind())).isInstanceOf(DeclaredRecogniser.class);
        }
    }

    /**
     * Roles are asked before declared identifiers: no header may be both a role's words and a declaration's,
     * or two declarations', so the order cannot change what a header names.
     */
    @Test
    void noHeaderIsNamedTwice() {
        List<String> words = new ArrayList<>();
        for (ColumnRole role : ColumnRole.values()) {
            if (role != ColumnRole.UNKNOWN) {
                words.add(role.headerWords());
            }
        }
        for (IdentifierDeclaration d : DeclarationFiles.builtIn()) {
            words.add(String.join("|", d.headerWords()));
        }
        int roles = ColumnRole.values().length - 1;
        for (int i = 0; i < words.size(); i++) {
            for (int j = Math.max(i + 1, roles); j < words.size(); j++) {
                Automaton both = automaton(words.get(i)).intersection(automaton(words.get(j)));
                assertThat(both.isEmpty()).as("%s and %s both name %s", words.get(i), words.get(j),
                        both.getShortestExample(true)).isTrue();
            }
        }
    }

    private static Automaton automaton(String plain) {
        return new RegExp(PlainPattern.plain(plain), RegExp.NONE).toAutomaton();
    }

    /**
     * An installation's own identifier composes before the built-ins (its precise declaration names what a
     * built-in's looser one would too): in tables by its header, in text by its words.
     */
    @Test
    void customIdentifiersComposeBeforeTheBuiltIns() {
        RecogniserRegistry registry = RecogniserRegistry.standard().with(List.of(CASE_REFERENCE));
        assertThat(registry.declarations()).first().isEqualTo(CASE_REFERENCE);
        assertThat(registry.declarations()).endsWith(DeclarationFiles.builtIn().toArray(new IdentifierDeclaration[0]));
        PersonalDataDetector detector = new PersonalDataDetector(registry);
        List<List<String>> rows = List.of(List.of("Surname", "Case Ref.", "Notes"),
                List.of("Smith", "CR-104233", "pothole"), List.of("Abshire", "CR-104391", "bins"),
                List.of("Evans", "CR-104512", "parking"));
        PersonalDataFinding table = detector.inspect(new TextAndTables("", List.of(new Table("cases", rows))));
        assertThat(table.records()).isEqualTo(3);
        assertThat(table.kinds()).containsExactly(DataKind.PERSON_NAME, DataKind.identifier("case-reference"));
        assertThat(new PersonalDataDetector().inspect(new TextAndTables("", List.of(new Table("cases", rows))))
                .records()).isZero();
        Recogniser cases = registry.get(DataKind.identifier("case-reference"));
        assertThat(cases.find("The case is CR-104233, raised in May.")).extracting(Match::score).containsExactly(1.0);
        assertThat(cases.find("Invoice CR-104233 is paid.")).extracting(Match::score).containsExactly(0.7);
    }
}
