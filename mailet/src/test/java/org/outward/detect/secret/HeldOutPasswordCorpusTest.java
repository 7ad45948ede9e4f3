package org.outward.detect.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outward.fixtures.secrets.HeldOutPasswordCorpus;
import org.outward.fixtures.secrets.HeldOutPasswordCorpusGenerator;
import org.outward.fixtures.secrets.HeldOutPasswordSample;

/**
 * The password detector graded on the held-out corpus in test-fixtures/secrets-heldout, which no cue was
 * tuned on: each message goes through the engine as the gateway runs it (MIME walk, quoted-printable
 * decoding, HTML text extraction, the default policy), and a message counts as found when the engine
 * reports a password in it.
 */
class HeldOutPasswordCorpusTest {

    @TempDir
    Path state;

    @Test
    void committedCorpusIsWhatItsGeneratorMakes() {
        List<HeldOutPasswordCorpusGenerator.Generated> generated =
                HeldOutPasswordCorpusGenerator.generate(HeldOutPasswordCorpusGenerator.SEED);
        assertThat(HeldOutPasswordCorpus.manifest()).isEqualTo(HeldOutPasswordCorpusGenerator.labels(generated));
        List<HeldOutPasswordSample> samples = HeldOutPasswordCorpus.all();
        for (int i = 0; i < samples.size(); i++) {
            assertThat(new String(samples.get(i).bytes(), StandardCharsets.UTF_8)).as(samples.get(i).path())
                    .isEqualTo(generated.get(i).eml());
        }
    }

    @Test
    void recallAndFalseAlarmsMeetTheTargetsPerFamily() throws Exception {
        FamilyTally byFamily = new FamilyTally();
        FamilyTally byShape = new FamilyTally();
        try (EnginePasswords engine = new EnginePasswords(state)) {
            for (HeldOutPasswordSample sample : HeldOutPasswordCorpus.all()) {
                boolean found = engine.reportsPassword(sample.bytes());
                byFamily.add(sample.family(), sample.hasSecret(), found, sample.path());
                byShape.add(sample.shape(), sample.hasSecret(), found, sample.path());
            }
        }
        System.out.print(byFamily.report("Held-out password corpus, per family (through the engine):"));
        System.out.print(byShape.report("Held-out password corpus, per message shape:").lines()
                .filter(l -> !l.contains("MISS") && !l.contains("FALSE ALARM")).map(l -> l + "\n")
                .reduce("", String::concat));
        assertThat(byFamily.disclosureCount()).isGreaterThanOrEqualTo(200);
        assertThat(byFamily.lookAlikeCount()).isGreaterThanOrEqualTo(200);
        assertThat(byFamily.recall()).as("held-out recall").isGreaterThanOrEqualTo(0.97);
        assertThat(byFamily.falsePositiveRate()).as("held-out false-positive rate").isLessThanOrEqualTo(0.01);
    }
}
