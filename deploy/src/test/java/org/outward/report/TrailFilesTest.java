package org.outward.report;

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
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outward.audit.AuditEvent;
import org.outward.audit.AuditKind;
import org.outward.audit.AuditTrail;
import org.outward.audit.HeldMailRef;

/**
 * The trail as logback leaves it after some days (today's file and gzipped days beside it), read back by the
 * reports; and what the export says left when held mail was released, deleted or left waiting.
 */
class TrailFilesTest {

    @TempDir
    Path logs;

    private static List<String> linesOn(String day, java.util.function.Consumer<AuditTrail> writes) {
        List<String> lines = new ArrayList<>();
        Clock clock = Clock.fixed(Instant.parse(day + "T10:00:00Z"), ZoneOffset.UTC);
        writes.accept(new AuditTrail(clock, "gw-1", lines::add));
        return lines;
    }

    private static Map<String, Object> decision(String messageId, String action) {
        return Map.of("messageId", messageId, "sender", "sam@party.example", "verdict", action,
                "recipients", List.of(Map.of("address", "alex@example.org", "scope", "external", "action", action,
                        "decidedBy", "r1", "rules", List.of("r1"))),
                "findings", List.of(), "ms", 1.0);
    }

    @Test
    void readsTodaysFileAndTheGzippedDaysInTheWindowAndCountsBrokenLines() throws Exception {
        List<String> older = linesOn("2026-12-01",
                t -> t.record(AuditKind.DECISION, AuditEvent.GATEWAY, decision("<a@x>", "quarantine")));
        List<String> yesterday = linesOn("2026-12-06",
                t -> t.record(AuditKind.DECISION, AuditEvent.GATEWAY, decision("<b@x>", "wrap")));
        List<String> today = linesOn("2026-12-07", t -> t.release("dpo", new HeldMailRef("r", "k", "<a@x>"), "ok"));
        gzip(logs.resolve("outward-audit.2026-12-01.jsonl.gz"), older);
        gzip(logs.resolve("outward-audit.2026-12-06.jsonl.gz"), yesterday);
        Files.write(logs.resolve("outward-audit.jsonl"), List.of(today.get(0), "{\"v\":1,\"event\":\"cut sh"));

        Instant end = Instant.parse("2026-12-08T00:00:00Z");
        TrailFiles.Trail all = TrailFiles.read(logs, Instant.parse("2026-11-01T00:00:00Z"), end);
        TrailFiles.Trail recent = TrailFiles.read(logs.resolve("outward-audit.jsonl"), Instant.parse("2026-12-05T00:00:00Z"), end);

        assertThat(all.events()).extracting(e -> e.kind().word()).containsExactly("decision", "decision", "release");
        assertThat(all.unreadable()).isEqualTo(1);
        assertThat(recent.events()).extracting(e -> e.text("messageId").orElse("")).containsExactly("<b@x>", "<a@x>");
    }

    @Test
    void theExportSaysWhatLeftForEachAction() throws Exception {
        List<String> lines = new ArrayList<>();
        lines.addAll(linesOn("2026-12-01", t -> {
            t.record(AuditKind.DECISION, AuditEvent.GATEWAY, decision("<held@x>", "quarantine"));
            t.record(AuditKind.DECISION, AuditEvent.GATEWAY, decision("<released@x>", "quarantine"));
            t.record(AuditKind.DECISION, AuditEvent.GATEWAY, decision("<deleted@x>", "block"));
            t.record(AuditKind.DECISION, AuditEvent.GATEWAY, decision("<wrapped@x>", "wrap"));
        }));
        lines.addAll(linesOn("2026-12-02", t -> {
            t.release("dpo", new HeldMailRef("r", "k1", "<released@x>"), "");
            t.delete("dpo", new HeldMailRef("r", "k2", "<deleted@x>"), "");
        }));
        Files.write(logs.resolve("outward-audit.jsonl"), lines);
        TrailFiles.Trail trail = TrailFiles.read(logs, Instant.EPOCH, Instant.parse("2027-01-01T00:00:00Z"));

        assertThat(List.of("held", "released", "deleted", "wrapped")).map(id -> IncidentExport.byMessageId(trail,
                "<" + id + "@x>", Instant.now()).messages().get(0).recipients().get(0).left())
                .containsExactly("held", "released", "deleted", "secure-link");
    }

    private static void gzip(Path file, List<String> lines) throws Exception {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }
}
