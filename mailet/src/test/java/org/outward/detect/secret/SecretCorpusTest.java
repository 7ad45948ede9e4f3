package org.outward.detect.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.outward.fixtures.secrets.SecretCorpus;
import org.outward.fixtures.secrets.SecretCorpusGenerator;
import org.outward.fixtures.secrets.SecretSample;

/**
 * Recall and false alarms of the secret detector over the development corpus in test-fixtures/secrets, the one
 * its cues were shaped on; {@link HeldOutPasswordCorpusTest} grades it on mail it was not.
 */
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
        FamilyTally byPhrase = new FamilyTally();
        List<String> misplaced = new ArrayList<>();
        for (SecretSample sample : samples) {
            List<SecretFinding> findings = detector.detect(EmlText.sources(sample.bytes()));
            boolean found = !findings.isEmpty();
            // The label reads "variant lang: phrase"; the phrase is the phrasing family.
            byPhrase.add(sample.why().substring(sample.why().indexOf(": ") + 2), sample.hasSecret(), found, sample.path());
            boolean placed = findings.stream().anyMatch(f -> f.location().name().equals(sample.location())
                    || (sample.location().equals("BODY_HTML") && f.location() == Location.BODY_PLAIN));
            if (sample.hasSecret() && found && !placed) {
                misplaced.add("wrong place " + sample.path() + " expected " + sample.location() + ": " + findings);
            }
        }
        System.out.print(byPhrase.report("Secrets development corpus (the one the cues were tuned on), per phrase:"));
        misplaced.forEach(n -> System.out.println("  " + n));
        assertThat(samples).hasSizeGreaterThanOrEqualTo(150);
        assertThat(byPhrase.recall()).as("recall").isGreaterThanOrEqualTo(0.97);
        assertThat(byPhrase.falsePositiveRate()).as("false-positive rate").isLessThanOrEqualTo(0.01);
        assertThat(misplaced).as("secrets found but reported in the wrong place").isEmpty();
    }
}
