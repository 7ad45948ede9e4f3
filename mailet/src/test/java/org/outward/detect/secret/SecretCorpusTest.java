package org.outward.detect.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.outward.fixtures.secrets.SecretCorpus;
import org.outward.fixtures.secrets.SecretCorpusGenerator;
import org.outward.fixtures.secrets.SecretSample;

/** Recall and false alarms of the secret detector over the labelled corpus in test-fixtures/secrets. */
class SecretCorpusTest {

    private final SecretDetector detector = SecretDetector.withDefaults();

    @Test
    void committedCorpusIsWhatTheGeneratorMakes() {
        assertThat(SecretCorpus.manifest())
                .isEqualTo(SecretCorpusGenerator.labels(SecretCorpusGenerator.generate(SecretCorpusGenerator.SEED)));
        List<SecretCorpusGenerator.Generated> generated = SecretCorpusGenerator.generate(SecretCorpusGenerator.SEED);
        List<SecretSample> samples = SecretCorpus.all();
        for (int i = 0; i < samples.size(); i++) {
            assertThat(new String(samples.get(i).bytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .as(samples.get(i).path()).isEqualTo(generated.get(i).eml());
        }
    }

    @Test
    void recallAndFalseAlarmsMeetTheBar() throws Exception {
        List<SecretSample> samples = SecretCorpus.all();
        int tp = 0;
        int fn = 0;
        int fp = 0;
        int tn = 0;
        List<String> notes = new ArrayList<>();
        int misplaced = 0;
        for (SecretSample sample : samples) {
            List<SecretFinding> findings = detector.detect(EmlText.sources(sample.bytes()));
            boolean found = !findings.isEmpty();
            if (sample.hasSecret() && found) {
                tp++;
                boolean placed = findings.stream().anyMatch(f -> f.location().name().equals(sample.location())
                        || (sample.location().equals("BODY_HTML") && f.location() == Location.BODY_PLAIN));
                if (!placed) {
                    misplaced++;
                    notes.add("wrong place " + sample.path() + " expected " + sample.location() + ": " + findings);
                }
            } else if (sample.hasSecret()) {
                fn++;
                notes.add("MISS " + sample.path() + " (" + sample.why() + ")");
            } else if (found) {
                fp++;
                notes.add("FALSE ALARM " + sample.path() + " (" + sample.why() + "): " + findings);
            } else {
                tn++;
            }
        }
        double recall = (double) tp / (tp + fn);
        double fpr = (double) fp / (fp + tn);
        System.out.printf("Secrets corpus: %d messages%n", samples.size());
        System.out.printf("                 found  not found%n");
        System.out.printf("  has secret     %5d  %9d%n", tp, fn);
        System.out.printf("  no secret      %5d  %9d%n", fp, tn);
        System.out.printf("  recall %.3f, false-positive rate %.3f%n", recall, fpr);
        notes.forEach(n -> System.out.println("  " + n));
        assertThat(samples).hasSizeGreaterThanOrEqualTo(150);
        assertThat(recall).as("recall").isGreaterThanOrEqualTo(0.97);
        assertThat(fpr).as("false-positive rate").isLessThanOrEqualTo(0.01);
        assertThat(misplaced).as("secrets found but reported in the wrong place").isZero();
    }
}
