package org.outward.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The short soak that CI runs: 200 messages of the mixed corpus at 8 clients through the full gateway. Every
 * message ends delivered, blocked or quarantined as its kind says, none twice, and the gateway's threads do
 * not grow past what the first half of the run needed. The long run (5,000 messages, heap compared too) is
 * {@code bench/soak}; see docs/robustness.md.
 */
class SoakTest {

    @TempDir
    Path work;

    @Test
    void everyMessageIsAccountedForAndThreadsStayFlat() throws Exception {
        SoakRun.Result result = SoakRun.run(200, 50, 8, Duration.ofMinutes(3), work);
        result.checkpoints().forEach(c -> System.out.println("soak " + c));

        SoakRun.Checkpoint last = result.last();
        assertThat(last.accountedFor()).isEqualTo(200);
        assertThat(last.delivered()).isEqualTo(result.expected().get(SoakRun.Expected.DELIVERED));
        assertThat(last.blocked()).isEqualTo(result.expected().get(SoakRun.Expected.BLOCKED));
        assertThat(last.quarantined()).isEqualTo(result.expected().get(SoakRun.Expected.QUARANTINED));
        assertThat(last.bounced()).isZero();
        assertThat(result.duplicates()).isZero();
        assertThat(last.threads()).as("threads at the last checkpoint against the first half")
                .isLessThanOrEqualTo(result.threadsFirstHalf() + SoakTool.THREAD_SLACK);
    }
}
