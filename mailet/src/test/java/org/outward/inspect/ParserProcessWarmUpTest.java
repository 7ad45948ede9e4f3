package org.outward.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A parser process warms up on the built-in samples after its first part, taking turns with the parts that
 * follow: every part is parsed right whether it comes before, during or after the warm-up, and the process
 * reports its warm-up once.
 */
class ParserProcessWarmUpTest {

    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @TempDir
    Path dir;

    @Test
    void theProcessServesAtOnceAndReportsItsWarmUpOnce() throws Exception {
        List<WarmUp.Report> reports = new CopyOnWriteArrayList<>();
        Path docx = Files.write(dir.resolve("minutes.docx"), Samples.docxWithTable());
        try (TimeBox timeBox = new TimeBox(2);
             ParserProcesses processes = new ParserProcesses(new ParserIsolation(1, 96), timeBox, reports::add)) {
            // The first part starts the process; the next ones come during its warm-up. The loop ends when a reply
            // has carried the warm-up's report (the bound only keeps a broken build from hanging).
            long giveUp = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            int parts = 0;
            while (reports.isEmpty() && System.nanoTime() < giveUp) {
                TextExtractor.Result result = processes.extract(docx, DOCX, "minutes.docx", 100_000,
                        Duration.ofSeconds(60), new EmbeddedSpooler(null, ""));
                assertThat(result.failed()).isNull();
                assertThat(result.text().text()).contains("Ann Jones");
                parts++;
                if (reports.isEmpty()) {
                    Thread.sleep(200);
                }
            }
            for (int i = 0; i < 2; i++) {
                assertThat(processes.extract(docx, DOCX, "minutes.docx", 100_000, Duration.ofSeconds(60),
                        new EmbeddedSpooler(null, "")).text().text()).contains("Ann Jones");
            }
            assertThat(parts).isPositive();
            assertThat(reports).hasSize(1);
            assertThat(reports.get(0).failed()).isEmpty();
            assertThat(reports.get(0).samples()).isEqualTo(WarmUpSamples.builtIn().size());
        }
    }

    /**
     * A part that comes while the process is warming up is parsed alone: the warm-up thread is alive but waits
     * (a test parser in the process looks at it while it parses: {@link WarmUpWitnessParser}).
     */
    @Test
    void aPartNeverSharesTheProcessWithAWarmUpSample() throws Exception {
        Path docx = Files.write(dir.resolve("minutes.docx"), Samples.docxWithTable());
        Path witness = Files.writeString(dir.resolve("witness.bin"), "a test type");
        try (TimeBox timeBox = new TimeBox(2);
             ParserProcesses processes = new ParserProcesses(new ParserIsolation(1, 96), timeBox, r -> { })) {
            assertThat(processes.extract(docx, DOCX, "minutes.docx", 100_000, Duration.ofSeconds(60),
                    new EmbeddedSpooler(null, "")).text().text()).contains("Ann Jones");
            // The warm-up begins after that first reply and lasts a second or more; this part comes at once.
            String seen = processes.extract(witness, WarmUpWitnessParser.WITNESS.toString(), "witness.bin", 1000,
                    Duration.ofSeconds(60), new EmbeddedSpooler(null, "")).text().text().strip();
            assertThat(seen).matches("alive=[1-9][0-9]* parsing=0");
        }
    }

    @Test
    void withoutWarmUpNothingIsReportedAndPartsAreParsed() throws Exception {
        List<WarmUp.Report> reports = new CopyOnWriteArrayList<>();
        Path docx = Files.write(dir.resolve("minutes.docx"), Samples.docxWithTable());
        try (TimeBox timeBox = new TimeBox(2);
             ParserProcesses processes = new ParserProcesses(
                     new ParserIsolation(1, 96, ParserIsolation.LARGE_PART_BYTES, false), timeBox, reports::add)) {
            for (int i = 0; i < 3; i++) {
                assertThat(processes.extract(docx, DOCX, "minutes.docx", 100_000, Duration.ofSeconds(60),
                        new EmbeddedSpooler(null, "")).text().text()).contains("Ann Jones");
            }
            assertThat(reports).isEmpty();
        }
    }
}
