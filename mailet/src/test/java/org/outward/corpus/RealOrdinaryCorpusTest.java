package org.outward.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outward.detect.secret.correlate.TestClock;
import org.outward.engine.Engine;
import org.outward.engine.Envelope;
import org.outward.engine.Judgement;
import org.outward.fixtures.RealCorpus;
import org.outward.fixtures.RealOrdinaryFile;
import org.outward.policy.Action;
import org.outward.policy.Decision;
import org.outward.policy.Fact;
import org.outward.policy.Policy;
import org.outward.policy.PolicyLoader;

/**
 * Ordinary documents from other projects' test suites ({@code test-fixtures/real/ordinary/}), each the single
 * attachment of a message to an outside recipient (a {@code .eml} is sent as it is), judged by the engine under the
 * default policy: every one labelled {@code pass} passes and every one labelled {@code held: why} is held. A verdict
 * the manifest records as a known miss is listed and counted, not failed.
 */
class RealOrdinaryCorpusTest {

    private static final Envelope ENVELOPE = new Envelope("volunteer@party.example", List.of("printer@elsewhere.example"));

    @TempDir
    Path state;

    @Test
    void everyOrdinaryDocumentPassesAndEveryBrokenOneIsHeld() throws Exception {
        Policy policy = PolicyLoader.parse(Files.readString(RealCorpus.root().resolve("../../policies/default-policy.yaml")
                .normalize()), "default-policy.yaml");
        List<RealOrdinaryFile> corpus = RealCorpus.ordinary();
        List<String> wrong = new ArrayList<>();
        List<String> knownMisses = new ArrayList<>();
        List<String> missedNoMore = new ArrayList<>();
        Map<String, Integer> heldWhy = new TreeMap<>();
        Map<String, int[]> perFormat = new TreeMap<>();
        TestClock clock = new TestClock(Instant.parse("2026-01-05T09:00:00Z"));
        long start = System.nanoTime();
        try (Engine engine = new Engine(state, clock)) {
            for (RealOrdinaryFile file : corpus) {
                // Each file long after the one before, so no correlation state links one file to another.
                clock.advance(policy.detection().correlationWindow().plusDays(1));
                Judgement judgement = judge(engine, file.file(), policy);
                Action verdict = judgement.decision().verdict();
                boolean held = verdict.isStricterThan(Action.WRAP);
                String reason = held ? reason(judgement.decision()) : "";
                int[] counts = perFormat.computeIfAbsent(format(file.path()), f -> new int[2]);
                counts[0]++;
                if (held) {
                    counts[1]++;
                    heldWhy.merge(reason, 1, Integer::sum);
                }
                String actual = held ? "held: " + reason : "pass";
                if (held != file.shouldPass()) {
                    if (!file.knownMiss().isEmpty()) {
                        missedNoMore.add(file.path());
                    }
                } else if (!file.knownMiss().isEmpty() && actual.startsWith(file.knownMiss())) {
                    knownMisses.add(file.path() + ": expected " + file.expected() + ", gateway: " + actual);
                } else {
                    wrong.add(file.path() + ": expected " + file.expected() + ", gateway: " + verdict.word() + " "
                            + judgement.decision().recipients().get(0).explain().replace('\n', ' '));
                }
            }
        }
        long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
        int heldCount = heldWhy.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("real ordinary corpus: %d files in %d s, %d held, %d known misses%n", corpus.size(), seconds,
                heldCount, knownMisses.size());
        perFormat.forEach((format, c) -> System.out.println("  " + format + ": " + c[0] + " files, " + c[1] + " held"));
        heldWhy.forEach((why, n) -> System.out.println("  held " + n + " x: " + why));
        knownMisses.forEach(m -> System.out.println("  known miss: " + m));
        missedNoMore.forEach(m -> System.out.println("  right now, remove known_miss from the manifest: " + m));
        assertThat(wrong).as("verdicts that differ from the manifest").isEmpty();
    }

    @Test
    void theManifestListsEveryFileWithItsSource() {
        List<RealOrdinaryFile> files = RealCorpus.ordinary();
        assertThat(files).hasSizeGreaterThanOrEqualTo(400);
        assertThat(files.stream().map(RealOrdinaryFile::path).sorted().toList()).isEqualTo(RealCorpus.filesIn("ordinary"));
        for (RealOrdinaryFile file : files) {
            assertThat(file.expected()).as(file.path()).matches("pass|held: .+");
            assertThat(file.source()).as("source of " + file.path()).isNotBlank();
            assertThat(file.licence()).as("licence of " + file.path()).isNotBlank();
        }
    }

    private static Judgement judge(Engine engine, Path file, Policy policy) throws Exception {
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".eml")) {
            return engine.judge(file, ENVELOPE, policy);
        }
        return engine.judge(SingleAttachmentMessage.around(file, ENVELOPE), ENVELOPE, policy);
    }

    /** The rule that held the message and the kinds of fact that made it fire: no evidence, which may quote text. */
    private static String reason(Decision decision) {
        Decision.RecipientDecision outcome = decision.recipients().get(0);
        String facts = outcome.fired().stream().filter(r -> r.ruleId().equals(outcome.decidedBy()))
                .flatMap(r -> r.facts().stream()).map(Fact::kind).map(k -> k.word()).distinct().sorted()
                .collect(Collectors.joining(", "));
        return outcome.decidedBy() + (facts.isEmpty() ? "" : " (" + facts + ")");
    }

    private static String format(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
