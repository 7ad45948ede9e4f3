package org.outward.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.outward.console.PolicyDesk;
import org.outward.feedback.ReportTicket;

/**
 * The console's trial of a policy change runs inside the console's server: it must leave the process's standard
 * output where it is, since every other thread of the server (its request log, the gateway next to it) writes there
 * while the trial runs.
 */
class EngineDeskTest {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    @Test
    void aTrialLeavesTheServersStandardOutputWhereItIs() throws Exception {
        String policy = Files.readString(REPO.resolve("policies/default-policy.yaml"), StandardCharsets.UTF_8);
        EngineDesk desk = new EngineDesk(REPO.resolve("policies/default-policy.yaml"), Optional.empty(),
                Manifest.DEFAULT_NAME, Optional.empty());
        ReportTicket report = new ReportTicket("0f".repeat(16), "ab".repeat(32), Instant.now(),
                Instant.now().plusSeconds(3600), "sam@party.example", "<m1@party.example>",
                List.of(new ReportTicket.Recipient("alex@example.org", "block")), List.of("personal-data-unprotected"),
                List.of(), Optional.empty(), Optional.empty());
        PrintStream server = System.out;
        AtomicBoolean moved = new AtomicBoolean();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread watcher = new Thread(() -> {
            while (running.get()) {
                moved.compareAndSet(false, System.out != server);
                Thread.onSpinWait();
            }
        });
        watcher.start();
        PolicyDesk.Trial trial;
        try {
            trial = desk.trial(policy, report, Optional.of(Files.readAllBytes(
                    REPO.resolve("test-fixtures/mail/canvass-attached.eml"))));
        } finally {
            running.set(false);
            watcher.join();
        }

        assertThat(trial.lines()).as("the trial ran").anySatisfy(line -> assertThat(line).startsWith("reported message:"));
        assertThat(moved).as("standard output moved while the trial ran").isFalse();
        assertThat(System.out).isSameAs(server);
    }
}
