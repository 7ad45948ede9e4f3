package org.outward.detect.personal;

import static org.assertj.core.api.Assertions.assertThat;

import dk.brics.automaton.Automaton;
import dk.brics.automaton.RegExp;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A table cell's shape decided by the shape's automaton ({@link CellShape}) is what the regex's
 * {@code matches()} says, on the corpora's cells and on generated values and near-misses of every shape.
 */
class CellShapeTest {

    /** Shapes an admin might declare, beside the built-ins: readable and exact, readable and not, unreadable. */
    private static final List<Pattern> ADMIN_SHAPES = List.of(Pattern.compile("\\bCR-\\d{6}\\b"),
            Pattern.compile("\\b(?:LD|LDM)\\d{3,8}[A-Z]?\\b"), Pattern.compile("\\b\\d{2}[ /]\\d{4}(?:-\\d{1,3})?\\b"),
            Pattern.compile("\\b[A-Z0-9]{8}\\b"), Pattern.compile("\\b(?:[A-Z]{2}-\\d{4}\\b)"),
            Pattern.compile("\\bAB\\d{3}|CD\\d{4}\\b"), Pattern.compile("\\b(?:AB\\d{3}\\b|CD-\\d{2})"),
            Pattern.compile("\\bM\\d{2}\\b-?\\w{2,4}\\b"), Pattern.compile("\\bREF.\\d{4}\\b"),
            Pattern.compile("\\bX\\d++\\d\\b"), Pattern.compile("\\b\\d{3}\\D{1,3}\\d{2}\\b"),
            Pattern.compile("\\b[^\\s,]{3}-\\d{3}\\b"), Pattern.compile("\\b[A-Za-z]+?\\d{2,3}\\b"),
            Pattern.compile("\\b\\d{4}\\s\\d{4}\\b"), Pattern.compile("\\b(?i)cr-\\d{6}\\b"),
            Pattern.compile("\\bCR-(?=\\d)\\d{6}\\b"), Pattern.compile("\\bCR-\\d{6}\\b", Pattern.CASE_INSENSITIVE));

    @Test
    void verdictsAreTheRegexsOnCorporaCellsValuesAndNearMisses() throws IOException {
        List<Pattern> shapes = new ArrayList<>();
        DeclarationFiles.builtIn().forEach(d -> shapes.add(d.shape()));
        shapes.addAll(ADMIN_SHAPES);
        List<String> corpusCells = corpusCells();
        Random random = new Random(29);
        int[] counts = new int[3];
        int readable = 0;
        for (Pattern shape : shapes) {
            CellShape cells = CellShape.of(shape);
            if (cells == null) {
                continue;
            }
            readable++;
            List<String> tried = new ArrayList<>(corpusCells);
            Automaton a = new RegExp(AutomatonSyntax.of(shape.pattern()), RegExp.NONE).toAutomaton();
            for (int k = 0; k < 3_000; k++) {
                String v = RandomText.accepted(a, random);
                if (v != null) {
                    tried.add(v);
                    tried.addAll(nearMisses(v, random));
                }
            }
            for (String cell : tried) {
                int verdict = cells.verdict(cell);
                counts[verdict]++;
                if (verdict != CellShape.ASK_REGEX) {
                    assertThat(verdict == CellShape.YES).as("%s [%s]", shape, cell)
                            .isEqualTo(shape.matcher(cell).matches());
                }
            }
        }
        assertThat(readable).isEqualTo(shapes.size() - 3);
        assertThat(counts[CellShape.YES]).isGreaterThan(20_000);
        assertThat(counts[CellShape.NO]).isGreaterThan(100_000);
        // The regex is the exception, not the rule.
        assertThat(counts[CellShape.ASK_REGEX]).isLessThan((counts[CellShape.YES] + counts[CellShape.NO]) / 10);
    }

    /** Only what the automaton reads as the regex does is decided by it; the regex decides the rest. */
    @Test
    void whereTheReadingIsNotTheRegexTheRegexDecides() {
        assertThat(CellShape.of(Pattern.compile("\\bCR-\\d{6}\\b")).verdict("CR-123456")).isEqualTo(CellShape.YES);
        assertThat(CellShape.of(Pattern.compile("\\bCR-\\d{6}\\b")).verdict("CR-12345")).isEqualTo(CellShape.NO);
        // A boundary inside the shape, a boundary of one alternative, a dot, a possessive quantifier.
        for (String regex : List.of("\\bM\\d{2}\\b-?\\w{2,4}\\b", "\\bAB\\d{3}|CD\\d{4}\\b", "\\bREF.\\d{4}\\b",
                "\\bX\\d++\\d\\b", "\\b(?:AB\\d{3}\\b|CD-\\d{2})")) {
            CellShape cells = CellShape.of(Pattern.compile(regex));
            assertThat(cells.exact()).as(regex).isFalse();
        }
        assertThat(CellShape.of(Pattern.compile("\\bM\\d{2}\\b-?\\w{2,4}\\b")).verdict("M12ab"))
                .isEqualTo(CellShape.ASK_REGEX);
        assertThat(CellShape.of(Pattern.compile("\\bREF.\\d{4}\\b")).verdict("REF\n1234")).isEqualTo(CellShape.ASK_REGEX);
        // A boundary beside a letter the automaton's ASCII test does not know, and a surrogate pair.
        CellShape free = CellShape.of(Pattern.compile("\\b[^\\s,]{3}-\\d{3}\\b"));
        assertThat(free.verdict("éab-123")).isEqualTo(CellShape.ASK_REGEX);
        assertThat(free.verdict("\uD83D\uDE00ab-123")).isEqualTo(CellShape.ASK_REGEX);
        assertThat(free.verdict("abc-12x\uD83D\uDE00")).isEqualTo(CellShape.ASK_REGEX);
        // Lookaround, inline and compiled flags: no automaton.
        assertThat(CellShape.of(Pattern.compile("\\b(?i)cr-\\d{6}\\b"))).isNull();
        assertThat(CellShape.of(Pattern.compile("\\bCR-(?=\\d)\\d{6}\\b"))).isNull();
        assertThat(CellShape.of(Pattern.compile("\\bCR-\\d{6}\\b", Pattern.CASE_INSENSITIVE))).isNull();
    }

    /**
     * A recogniser declared from the policy takes its cells through the automaton where its shape reads as one
     * and through its regex where not: either way a cell is a value exactly when the regex and validator say so.
     */
    @Test
    void declaredIdentifiersCellsAreWhatTheRegexAndValidatorSay() throws IOException {
        Random random = new Random(31);
        List<String> cells = corpusAndRandomCells(random, "CRcr-0123456789 é\uD83D\uDE00", 12);
        for (Pattern shape : ADMIN_SHAPES) {
            String plain = AutomatonSyntax.of(shape.pattern());
            if (plain == null) {
                continue;
            }
            Automaton a = new RegExp(plain, RegExp.NONE).toAutomaton();
            for (int k = 0; k < 500; k++) {
                String v = RandomText.accepted(a, random);
                if (v != null) {
                    cells.add(v);
                    cells.addAll(nearMisses(v, random));
                }
            }
        }
        int values = 0;
        for (Pattern shape : ADMIN_SHAPES) {
            DeclaredRecogniser r = new DeclaredRecogniser(new IdentifierDeclaration(DataKind.identifier("ref"), shape,
                    CheckDigit.NONE, List.of(), List.of(), false, 60, 0.8));
            for (String cell : cells) {
                String v = cell.strip();
                boolean expected = !v.isEmpty() && v.length() < 64 && shape.matcher(v).matches();
                assertThat(r.isValue(cell)).as("%s [%s]", shape, cell).isEqualTo(expected);
                values += expected ? 1 : 0;
            }
        }
        assertThat(values).isGreaterThan(1_000);
    }

    /**
     * A declaration that compares cells in capitals (the postcode, the Voter Authority Certificate, an admin's
     * own) decides a cell as its regex and validator decide the cell's upper-case copy, though the copy is made
     * only for cells the automaton, read in capitals, does not turn away.
     */
    @Test
    void cellsComparedInCapitalsAreWhatTheRegexSaysOfTheirUpperCaseCopy() throws IOException {
        Random random = new Random(37);
        List<String> cells = corpusAndRandomCells(random, "ABCVWabcvwxyz0123456789 -ßé", 24);
        List<IdentifierDeclaration> capitals = new ArrayList<>();
        for (IdentifierDeclaration d : DeclarationFiles.builtIn()) {
            if (d.hints().capitalsInCells()) {
                capitals.add(d);
            }
        }
        capitals.add(new IdentifierDeclaration(DataKind.identifier("ref"), Pattern.compile("\\bCR-\\d{6}\\b"),
                CheckDigit.NONE, List.of(), List.of(), false, 60, 0.8,
                new IdentifierDeclaration.Hints(true, false, true, null, null)));
        int values = 0;
        for (IdentifierDeclaration d : capitals) {
            List<String> tried = new ArrayList<>(cells);
            String plain = AutomatonSyntax.of(d.shape().pattern());
            if (plain != null) {
                Automaton a = new RegExp(plain, RegExp.NONE).toAutomaton();
                for (int k = 0; k < 2_000; k++) {
                    String v = RandomText.accepted(a, random);
                    if (v != null) {
                        tried.add(v.toLowerCase(java.util.Locale.ROOT));
                        tried.add(v);
                        tried.addAll(nearMisses(v.toLowerCase(java.util.Locale.ROOT), random));
                    }
                }
            }
            DeclaredRecogniser r = new DeclaredRecogniser(d);
            CellShape shape = CellShape.of(d.shape());
            for (String cell : tried) {
                String upper = cell.strip().toUpperCase(java.util.Locale.ROOT);
                boolean expected = !upper.isEmpty() && upper.length() < 64 && d.shape().matcher(upper).matches()
                        && d.validator().test(upper);
                assertThat(r.isValue(cell)).as("%s [%s]", d.kind(), cell).isEqualTo(expected);
                values += expected ? 1 : 0;
                if (shape != null && cell.chars().allMatch(ch -> ch < 128)) {
                    assertThat(shape.verdict(cell, true)).as("%s [%s]", d.kind(), cell)
                            .isEqualTo(shape.verdict(cell.toUpperCase(java.util.Locale.ROOT)));
                }
            }
        }
        assertThat(capitals).hasSizeGreaterThanOrEqualTo(3);
        assertThat(values).isGreaterThan(1_000);
    }

    /** The corpora's cells and 20,000 random ones of the alphabet, shorter than the bound. */
    private static List<String> corpusAndRandomCells(Random random, String alphabet, int bound) throws IOException {
        List<String> cells = corpusCells();
        for (int i = 0; i < 20_000; i++) {
            cells.add(RandomText.of(random, alphabet, random.nextInt(bound)));
        }
        return cells;
    }

    /** Cells of the development corpus's texts and tables and pieces of the held-out corpus's raw messages. */
    private static List<String> corpusCells() throws IOException {
        List<String> cells = new ArrayList<>();
        for (CorpusTest.Label label : CorpusTest.labels()) {
            TextAndTables t = CorpusPart.read(label.path());
            cells.addAll(List.of(t.text().split("[\t,;|\n]")));
            t.tables().forEach(table -> table.rows().forEach(cells::addAll));
        }
        String labels = resource("/fixtures/personal-heldout/labels.csv");
        for (String line : labels.split("\n")) {
            String path = line.split(",")[0];
            if (path.endsWith(".eml")) {
                cells.addAll(List.of(resource("/fixtures/personal-heldout/" + path).split("[\t,;|\n<>]")));
            }
        }
        cells.replaceAll(String::strip);
        cells.removeIf(c -> c.isEmpty() || c.length() >= 64);
        return cells;
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = Objects.requireNonNull(CellShapeTest.class.getResourceAsStream(path), path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The value with one character dropped, changed or added, and with letters or marks at its ends. */
    private static List<String> nearMisses(String v, Random random) {
        String alphabet = "0123456789 -/.AZaz_é\u0301\n";
        List<String> misses = new ArrayList<>();
        if (!v.isEmpty()) {
            int at = random.nextInt(v.length());
            misses.add(v.substring(0, at) + v.substring(at + 1));
            misses.add(v.substring(0, at) + alphabet.charAt(random.nextInt(alphabet.length())) + v.substring(at + 1));
        }
        int at = random.nextInt(v.length() + 1);
        misses.add(v.substring(0, at) + alphabet.charAt(random.nextInt(alphabet.length())) + v.substring(at));
        misses.add(alphabet.charAt(random.nextInt(alphabet.length())) + v);
        misses.add(v + alphabet.charAt(random.nextInt(alphabet.length())));
        return misses;
    }
}
