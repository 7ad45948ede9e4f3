package org.outward.bench.load;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The soak run from the command line: submits the mixed corpus to the full gateway in batches and prints a
 * checkpoint per batch; exits 1 when a message is unaccounted for or the gateway leaked threads.
 *
 * <pre>
 * bench/soak --messages 5000 --concurrency 8
 * </pre>
 */
@Command(name = "soak", mixinStandardHelpOptions = true,
        description = "Mixed mail through the full gateway in batches: nothing lost, heap and threads flat.")
public final class SoakTool implements Callable<Integer> {

    /** Threads a pool may add late in the run (growing to its size under load) without it being a leak. */
    static final int THREAD_SLACK = 8;

    @Option(names = "--messages", description = "Messages in all (default: ${DEFAULT-VALUE}).")
    int messages = 5_000;

    @Option(names = "--batch", description = "Messages between checkpoints (default: ${DEFAULT-VALUE}).")
    int batch = 500;

    @Option(names = "--concurrency", description = "SMTP clients sending at once (default: ${DEFAULT-VALUE}).")
    int concurrency = 8;

    @Option(names = "--batch-timeout", description = "Seconds one batch may take to be accounted for (default: ${DEFAULT-VALUE}).")
    int batchTimeoutSeconds = 600;

    public static void main(String[] args) {
        System.exit(new CommandLine(new SoakTool()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        System.out.printf(Locale.ROOT, "soak: %d messages, batches of %d, %d clients, max heap %d MB%n",
                messages, batch, concurrency, Runtime.getRuntime().maxMemory() >> 20);
        SoakRun.Result result = SoakRun.run(messages, batch, concurrency, Duration.ofSeconds(batchTimeoutSeconds),
                Files.createTempDirectory("outward-soak"));
        System.out.printf(Locale.ROOT, "%9s %9s %8s %11s %7s %12s %7s%n", "submitted", "delivered", "blocked",
                "quarantined", "bounced", "heap MB (GC)", "threads");
        for (SoakRun.Checkpoint c : result.checkpoints()) {
            System.out.printf(Locale.ROOT, "%9d %9d %8d %11d %7d %12d %7d%n", c.submitted(), c.delivered(), c.blocked(),
                    c.quarantined(), c.bounced(), c.heapUsedMb(), c.threads());
        }
        SoakRun.Checkpoint first = result.first();
        SoakRun.Checkpoint last = result.last();
        System.out.printf(Locale.ROOT, "expected %s; duplicates %d; %.0f s, %.1f msg/s; heap first %d MB, last %d MB;"
                        + " threads first %d, most in the first half %d, last %d%n", result.expected(), result.duplicates(),
                result.seconds(), messages / result.seconds(), first.heapUsedMb(), last.heapUsedMb(), first.threads(),
                result.threadsFirstHalf(), last.threads());
        boolean accounted = last.accountedFor() == messages && result.duplicates() == 0;
        boolean threadsFlat = last.threads() <= result.threadsFirstHalf() + THREAD_SLACK;
        System.out.println(accounted && threadsFlat ? "soak: OK" : "soak: FAILED");
        return accounted && threadsFlat ? 0 : 1;
    }
}
