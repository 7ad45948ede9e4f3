package org.outward.console;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.outward.audit.AuditEvent;
import org.outward.audit.AuditKind;
import org.outward.audit.AuditTrail;

/**
 * Measures the statistics over a year of trail, as logback leaves it (a gzipped file a day and today's), and over
 * the same year in one file nobody rolls over: the time to count 7, 30 and 365 days (the best of three runs). Run it with a small heap to
 * see that the count does not hold the trail (see docs/performance.md for the command).
 *
 * <p>Arguments: a folder to write the trail into, and the decisions a day.
 */
public final class StatisticsYearOfTrail {

    private StatisticsYearOfTrail() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Files.createDirectories(Path.of(args[0]));
        int perDay = Integer.parseInt(args[1]);
        LocalDate today = LocalDate.parse("2026-12-07");
        Path rolled = Files.createDirectories(folder.resolve("rolled"));
        Path single = Files.createDirectories(folder.resolve("single"));
        if (!Files.exists(single.resolve("outward-audit.jsonl"))) {
            // Written once; a later run in the same folder measures only.
            write(rolled, single, today, perDay);
        }
        System.out.printf("%d decisions a day; one file of %d MB; rolled: %d MB%n", perDay,
                Files.size(single.resolve("outward-audit.jsonl")) >> 20, size(rolled) >> 20);
        for (String where : List.of("rolled", "single")) {
            for (int days : new int[] {7, 30, 365}) {
                StatisticsPeriod period = days == 365
                        ? new StatisticsPeriod(StatisticsPeriod.CUSTOM, today.minusDays(364), today)
                        : StatisticsPeriod.lastDays(days, today);
                Path trail = folder.resolve(where).resolve("outward-audit.jsonl");
                Statistics statistics = null;
                long ms = Long.MAX_VALUE;
                for (int run = 0; run < 3; run++) {
                    long started = System.nanoTime();
                    statistics = StatisticsTally.count(trail, period);
                    ms = Math.min(ms, (System.nanoTime() - started) / 1_000_000);
                }
                Runtime runtime = Runtime.getRuntime();
                System.out.printf("%s, %3d days: %7d judged in %5d ms, the best of 3 (heap max %d MB)%n", where, days,
                        statistics.total().judged(), ms, runtime.maxMemory() >> 20);
            }
        }
    }

    private static void write(Path rolled, Path single, LocalDate today, int perDay) throws IOException {
        try (Writer all = Files.newBufferedWriter(single.resolve("outward-audit.jsonl"))) {
            for (LocalDate day = today.minusDays(364); !day.isAfter(today); day = day.plusDays(1)) {
                Path file = rolled.resolve(day.equals(today) ? "outward-audit.jsonl" : "outward-audit." + day + ".jsonl.gz");
                try (Writer out = day.equals(today) ? Files.newBufferedWriter(file)
                        : new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file)),
                        StandardCharsets.UTF_8))) {
                    writeDay(day, perDay, line -> {
                        out.write(line + "\n");
                        all.write(line + "\n");
                    });
                }
            }
        }
    }

    private interface LineSink {
        void accept(String line) throws IOException;
    }

    private static void writeDay(LocalDate day, int perDay, LineSink sink) throws IOException {
        String[] verdicts = {"pass", "pass", "pass", "pass", "monitor", "warn", "wrap", "quarantine", "block", "pass"};
        long step = 86_400_000L / perDay;
        for (int i = 0; i < perDay; i++) {
            Instant at = day.atStartOfDay(ZoneOffset.UTC).toInstant().plusMillis(i * step);
            StringBuilder line = new StringBuilder();
            AuditTrail trail = new AuditTrail(Clock.fixed(at, ZoneOffset.UTC), "gw-1", line::append);
            String verdict = verdicts[i % verdicts.length];
            trail.record(AuditKind.DECISION, AuditEvent.GATEWAY, Map.of("messageId", "<" + at + "@party.example>",
                    "sender", "volunteer" + (i % 300) + "@party.example", "senderGroups", List.of(i % 7 == 0 ? "data-team" : "volunteers"),
                    "verdict", verdict, "recipients", List.of(Map.of("address", "someone" + i + "@example.org",
                            "scope", "external", "action", verdict, "decidedBy", "personal-data-unprotected",
                            "rules", verdict.equals("pass") ? List.of() : List.of("personal-data-unprotected"))),
                    "findings", List.of(Map.of("kind", "personal-data", "part", "2/list.csv", "protection", "none",
                            "records", 40, "evidence", "40 records: person name, postcode (e.g. R***** P*******, N24 6**)")),
                    "ms", 35.2));
            sink.accept(line.toString());
        }
    }

    private static long size(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.mapToLong(f -> f.toFile().length()).sum();
        }
    }
}
