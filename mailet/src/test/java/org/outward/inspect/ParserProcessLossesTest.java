package org.outward.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A parser process that does not finish its part is killed and replaced, and counted, so that an operator sees
 * parser processes dying (the gateway's {@code outward_parser_processes_lost} gauge reads this count); one that
 * finishes is kept and not counted.
 */
class ParserProcessLossesTest {

    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @TempDir
    Path dir;

    @Test
    void aProcessKilledForTakingTooLongIsCountedAndOneThatFinishesIsNot() throws Exception {
        Path docx = Files.write(dir.resolve("minutes.docx"), Samples.docxWithTable());
        try (TimeBox timeBox = new TimeBox(2);
             ParserProcesses processes = new ParserProcesses(new ParserIsolation(1, 96), timeBox, r -> { })) {
            long before = ParserProcessLosses.count();
            TextExtractor.Result cut = processes.extract(docx, DOCX, "minutes.docx", 100_000, Duration.ofMillis(1),
                    new EmbeddedSpooler(null, ""));
            assertThat(cut.text().text()).isEmpty();
            assertThat(ParserProcessLosses.count() - before).isEqualTo(1);

            long afterLoss = ParserProcessLosses.count();
            TextExtractor.Result parsed = processes.extract(docx, DOCX, "minutes.docx", 100_000, Duration.ofSeconds(60),
                    new EmbeddedSpooler(null, ""));
            assertThat(parsed.text().text()).contains("Ann Jones");
            assertThat(ParserProcessLosses.count()).isEqualTo(afterLoss);
        }
    }
}
