package org.outward.detect.personal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outward.engine.Engine;
import org.outward.engine.Envelope;
import org.outward.engine.Judgement;
import org.outward.fixtures.heldout.HeldOutPersonalCorpus;
import org.outward.policy.Fact;
import org.outward.policy.FindingKind;
import org.outward.policy.Policy;
import org.outward.policy.PolicyLoader;

/**
 * Grades personal-data detection on the held-out corpus ({@code test-fixtures/personal-heldout/}, made by
 * {@link HeldOutPersonalCorpus} with its own names, templates and layouts, never tuned on): each message goes
 * through the engine's walk and extraction and is judged with the default policy for an outside recipient,
 * as the gateway judges it. Figures are printed per layout family; the targets hold for the whole corpus.
 */
class HeldOutCorpusTest {

    private static final Envelope OUTSIDE = new Envelope("member@party.example", List.of("someone@elsewhere.example"));

    @TempDir
    static Path state;
    private static Engine engine;
    private static Policy policy;

    @BeforeAll
    static void engine() throws Exception {
        engine = new Engine(state, Clock.systemUTC());
        policy = PolicyLoader.parse(resource("/org/outward/policies/default-policy.yaml"), "default-policy.yaml");
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void committedCorpusIsWhatTheGeneratorMakes() {
        List<HeldOutPersonalCorpus.Generated> generated = HeldOutPersonalCorpus.generate(HeldOutPersonalCorpus.SEED);
        assertThat(resource("/fixtures/personal-heldout/labels.csv"))
                .isEqualTo(HeldOutPersonalCorpus.labels(generated, false));
        assertThat(resource("/fixtures/personal/from-heldout/labels.csv"))
                .isEqualTo(HeldOutPersonalCorpus.labels(generated, true));
        for (HeldOutPersonalCorpus.Generated g : generated) {
            assertThat(bytes(where(g))).as(g.path()).isEqualTo(g.eml());
        }
    }

    @Test
    void recallAndFalsePositiveRatePerLayoutFamily() {
        List<HeldOutPersonalCorpus.Generated> heldOut = split(false);
        FamilyFigures figures = judge("Held-out personal-data corpus (default policy, outside recipient)", heldOut);
        assertThat(heldOut).hasSizeGreaterThanOrEqualTo(150);
        assertThat(figures.recall()).as("held-out recall").isGreaterThanOrEqualTo(0.98);
        assertThat(figures.falsePositiveRate()).as("held-out false-positive rate").isLessThanOrEqualTo(0.02);
    }

    /** Voting intentions on the lines of a pasted list are special category data, as in a VI column. */
    @Test
    void votingIntentionInAnyLayoutIsSpecialCategory() {
        List<HeldOutPersonalCorpus.Generated> canvass = split(false).stream()
                .filter(g -> g.family().equals("canvass-vi")).toList();
        assertThat(canvass).isNotEmpty();
        for (HeldOutPersonalCorpus.Generated g : canvass) {
            Judgement judged = engine.judge(bytes(where(g)), OUTSIDE, policy);
            assertThat(judged.facts()).as(g.path()).anyMatch(f -> f.kind() == FindingKind.SPECIAL_CATEGORY_DATA);
        }
    }

    /** The held-out messages once missed, now development cases: every one must be judged right. */
    @Test
    void movedToDevelopmentAreJudgedRight() {
        FamilyFigures figures = judge("Held-out messages moved to development (personal/from-heldout)", split(true));
        assertThat(figures.recall()).as("recall on the moved messages").isEqualTo(1.0);
        assertThat(figures.falsePositiveRate()).as("false alarms on the moved messages").isZero();
    }

    private static List<HeldOutPersonalCorpus.Generated> split(boolean development) {
        return HeldOutPersonalCorpus.generate(HeldOutPersonalCorpus.SEED).stream()
                .filter(g -> g.development() == development).toList();
    }

    private static FamilyFigures judge(String corpus, List<HeldOutPersonalCorpus.Generated> messages) {
        FamilyFigures figures = new FamilyFigures(corpus);
        for (HeldOutPersonalCorpus.Generated g : messages) {
            Judgement judged = engine.judge(bytes(where(g)), OUTSIDE, policy);
            List<Fact> personal = judged.facts().stream().filter(f -> f.kind() == FindingKind.PERSONAL_DATA).toList();
            figures.add(g.family(), g.path(), g.positive(), !personal.isEmpty(),
                    personal.stream().map(Fact::evidence).toList());
        }
        System.out.print(figures.report());
        return figures;
    }

    private static String where(HeldOutPersonalCorpus.Generated g) {
        return (g.development() ? "/fixtures/personal/from-heldout/" : "/fixtures/personal-heldout/") + g.path();
    }

    private static byte[] bytes(String path) {
        try (InputStream in = Objects.requireNonNull(HeldOutCorpusTest.class.getResourceAsStream(path), path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }
}
