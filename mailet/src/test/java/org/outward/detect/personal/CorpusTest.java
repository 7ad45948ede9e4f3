package org.outward.detect.personal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.outward.fixtures.PersonalCorpus;

/**
 * Runs detection over the labelled corpus in {@code test-fixtures/personal/} and prints the confusion
 * matrix with every miss and false alarm (their findings are redacted, so printing them is safe).
 */
class CorpusTest {

    private final PersonalDataDetector detector = new PersonalDataDetector();
    private final PersonalDataThresholds thresholds = PersonalDataThresholds.defaults();

    /** One file of the corpus and its label. */
    record Label(String path, boolean positive, String special) {
    }

    /** The corpus's labels, in the order of {@code labels.csv}. */
    static List<Label> labels() throws IOException {
        List<Label> labels = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                CorpusTest.class.getResourceAsStream("/fixtures/personal/labels.csv")), StandardCharsets.UTF_8))) {
            in.readLine();
            String line;
            while ((line = in.readLine()) != null) {
                String[] f = line.split(",", 4);
                labels.add(new Label(f[0], f[1].equals("positive"), f[2]));
            }
        }
        return labels;
    }

    @Test
    void recallAndFalsePositiveRateOnTheCorpus() throws IOException {
        int tp = 0;
        int fn = 0;
        int fp = 0;
        int tn = 0;
        int specialMissed = 0;
        List<String> wrong = new ArrayList<>();
        FamilyFigures figures = new FamilyFigures("Development personal-data corpus, per family");
        for (Label label : labels()) {
            PersonalDataFinding finding = detector.inspect(CorpusPart.read(label.path()));
            boolean flagged = finding.reaches(thresholds);
            assertRedacted(label.path(), finding);
            figures.add(family(label.path()), label.path(), label.positive(), flagged, finding);
            if (label.positive() && flagged) {
                tp++;
                if (!label.special().equals("-") && !finding.specialCategory()) {
                    specialMissed++;
                    wrong.add("special category not seen: " + label.path() + " " + finding);
                }
            } else if (label.positive()) {
                fn++;
                wrong.add("MISS " + label.path() + " " + finding);
            } else if (flagged) {
                fp++;
                wrong.add("FALSE ALARM " + label.path() + " " + finding);
            } else {
                tn++;
                if (finding.records() > 0) {
                    wrong.add("near (passed) " + label.path() + " " + finding);
                }
            }
        }
        double recall = (double) tp / (tp + fn);
        double fpr = (double) fp / (fp + tn);
        System.out.printf("%nPersonal-data corpus (%d files)%n", tp + fn + fp + tn);
        System.out.printf("                 flagged  passed%n");
        System.out.printf("  positive       %7d %7d%n", tp, fn);
        System.out.printf("  negative       %7d %7d%n", fp, tn);
        System.out.printf("  recall %.3f  false-positive rate %.3f  special category missed %d%n", recall, fpr,
                specialMissed);
        wrong.forEach(w -> System.out.println("  " + w));
        System.out.print(figures.report());
        assertThat(recall).isGreaterThanOrEqualTo(0.98);
        assertThat(fpr).isLessThanOrEqualTo(0.02);
    }

    /** A file's family: its name without the variant number and extension ("positive/canvass-3.csv": canvass). */
    private static String family(String path) {
        String name = path.substring(path.indexOf('/') + 1);
        return name.replaceFirst("-\\d+\\.[a-z]+$", "");
    }

    /** Every evidence word is masked, except a postcode's outward code, which names an area, not a person. */
    private static void assertRedacted(String path, PersonalDataFinding finding) {
        for (String evidence : finding.evidence()) {
            for (String token : evidence.split("[ ,]+")) {
                assertThat(token.contains("*") || token.matches("[A-Z]{1,2}\\d[A-Z\\d]?"))
                        .as("evidence token in %s is masked", path).isTrue();
            }
        }
    }

    /** The corpus's 20,000-row register: every row a record. Its speed is measured by PersonalDataBenchmark. */
    @Test
    void twentyThousandRowRegister() {
        List<List<String>> rows = PersonalCorpus.register(20_000);
        PersonalDataFinding finding = detector.inspect(new TextAndTables("", List.of(new Table("register", rows))));
        assertThat(finding.records()).isEqualTo(20_000);
        assertThat(finding.reaches(thresholds)).isTrue();
    }
}
