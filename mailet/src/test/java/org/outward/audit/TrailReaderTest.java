package org.outward.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trail's files as logback leaves them (today's file, gzipped days beside it), written by {@link AuditTrail} and
 * read back a window at a time.
 */
class TrailReaderTest {

    @TempDir
    Path logs;

    private static List<String> linesAt(String instant, Consumer<AuditTrail> writes) {
        List<String> lines = new ArrayList<>();
        writes.accept(new AuditTrail(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC), "gw-1", lines::add));
        return lines;
    }

    private static void decision(AuditTrail trail, String messageId) {
        trail.record(AuditKind.DECISION, AuditEvent.GATEWAY, Map.of("messageId", messageId, "sender", "sam@party.example",
                "verdict", "pass", "recipients", List.of(), "findings", List.of(), "ms", 1.0));
    }

    private List<String> read(Path where, String from, String to, int[] unreadable) throws Exception {
        List<String> ids = new ArrayList<>();
        unreadable[0] = TrailReader.read(where, Instant.parse(from), Instant.parse(to),
                event -> ids.add(event.text("messageId").orElse(event.kind().word())));
        return ids;
    }

    @Test
    void handsOnTheEventsOfTheWindowOnlyAndCountsLinesThatAreNotEvents() throws Exception {
        gzip("outward-audit.2026-12-01.jsonl.gz", linesAt("2026-12-01T10:00:00Z", t -> decision(t, "<dec1@x>")));
        gzip("outward-audit.2026-12-05.jsonl.gz", linesAt("2026-12-05T23:00:00Z", t -> decision(t, "<dec5@x>")));
        List<String> today = new ArrayList<>(linesAt("2026-12-06T00:00:00.200Z", t -> decision(t, "<late5@x>")));
        today.addAll(linesAt("2026-12-07T09:00:00Z", t -> decision(t, "<dec7@x>")));
        today.add("{\"v\":1,\"event\":\"decision\",\"cut sh");
        today.add("{\"v\":1,\"time\":\"2026-12-07T09:30:00.000Z\",\"node\":\"n\",\"id\":\"x\",\"event\":\"no-such-kind\"}");
        today.add("");
        Files.write(logs.resolve("outward-audit.jsonl"), today);
        int[] unreadable = new int[1];

        assertThat(read(logs, "2026-11-01T00:00:00Z", "2026-12-08T00:00:00Z", unreadable))
                .containsExactly("<dec1@x>", "<dec5@x>", "<late5@x>", "<dec7@x>");
        assertThat(unreadable[0]).isEqualTo(2);
        assertThat(read(logs.resolve("outward-audit.jsonl"), "2026-12-05T12:00:00Z", "2026-12-07T00:00:00Z", unreadable))
                .containsExactly("<late5@x>", "<dec5@x>");
        assertThat(read(logs, "2026-12-07T09:00:00.001Z", "2026-12-08T00:00:00Z", unreadable)).isEmpty();
        assertThat(unreadable[0]).as("the unreadable line without a time is counted; the other is outside").isEqualTo(2);
    }

    @Test
    void leavesTheRolledDaysOutsideTheWindowUnopened() throws Exception {
        Files.writeString(logs.resolve("outward-audit.2026-01-01.jsonl.gz"), "not gzip at all");
        Files.write(logs.resolve("outward-audit.jsonl"), linesAt("2026-12-07T09:00:00Z", t -> decision(t, "<dec7@x>")));
        int[] unreadable = new int[1];

        assertThat(read(logs, "2026-12-01T00:00:00Z", "2026-12-08T00:00:00Z", unreadable)).containsExactly("<dec7@x>");
        assertThat(unreadable[0]).isZero();
    }

    @Test
    void aRolledDayCutShortCountsAsUnreadableAndTheRestIsStillRead() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            lines.addAll(linesAt("2026-12-05T10:00:00Z", t -> decision(t, "<dec5@x>")));
        }
        gzip("outward-audit.2026-12-05.jsonl.gz", lines);
        Path cut = logs.resolve("outward-audit.2026-12-05.jsonl.gz");
        byte[] whole = Files.readAllBytes(cut);
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length - 40));
        Files.write(logs.resolve("outward-audit.jsonl"), linesAt("2026-12-07T09:00:00Z", t -> decision(t, "<dec7@x>")));
        int[] unreadable = new int[1];

        List<String> read = read(logs, "2026-12-01T00:00:00Z", "2026-12-08T00:00:00Z", unreadable);

        assertThat(read).contains("<dec5@x>").endsWith("<dec7@x>").hasSizeLessThan(201);
        assertThat(unreadable[0]).isEqualTo(1);
    }

    @Test
    void theTimeOfALineIsReadWithoutParsingIt() {
        String line = linesAt("2026-12-07T15:04:05.678Z", t -> t.purge("dpo", 3)).get(0);

        assertThat(AuditLine.timeOf(line)).contains(Instant.parse("2026-12-07T15:04:05.678Z"));
        assertThat(AuditLine.timeOf("{\"time\":\"2026-12-07T15:04:05.678Z\"}")).isEmpty();
        assertThat(AuditLine.timeOf("{\"v\":1,\"time\":\"yesterday\"}")).isEmpty();
        assertThat(AuditLine.timeOf("garbage")).isEmpty();
    }

    @Test
    void aDecisionSummaryReadsTheSenderGroupsOrSaysTheLineHasNone() {
        List<String> lines = linesAt("2026-12-07T09:00:00Z", t -> {
            t.record(AuditKind.DECISION, AuditEvent.GATEWAY, Map.of("messageId", "<a@x>", "sender", "sam@party.example",
                    "senderGroups", List.of("data-team", "officers"), "verdict", "block",
                    "recipients", List.of(Map.of("rules", List.of("r1", "r2")), Map.of("rules", List.of("r2", "r3"))),
                    "findings", List.of(), "ms", 1.0));
            decision(t, "<old@x>");
            t.purge("dpo", 1);
        });

        DecisionSummary current = DecisionSummary.of(AuditLine.parse(lines.get(0))).orElseThrow();
        assertThat(current).isEqualTo(new DecisionSummary("sam@party.example", "block", List.of("r1", "r2", "r3"),
                java.util.Optional.of(List.of("data-team", "officers"))));
        assertThat(DecisionSummary.of(AuditLine.parse(lines.get(1))).orElseThrow().senderGroups()).isEmpty();
        assertThat(DecisionSummary.of(AuditLine.parse(lines.get(2)))).isEmpty();
    }

    private void gzip(String name, List<String> lines) throws Exception {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(logs.resolve(name)))) {
            out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }
}
