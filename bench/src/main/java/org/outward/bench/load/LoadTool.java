package org.outward.bench.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Measures what Outward costs in a real James: the same mix of messages is sent over SMTP twice in one run,
 * to the same embedded James with the inspection configured out (the baseline) and to the full gateway,
 * with GreenMail as the outside world, and the ratio is printed. Loopback only; bounded in count and time.
 *
 * <pre>
 * bench/load --mix typical --messages 300 --concurrency 4
 * </pre>
 */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Throughput and latency of the full gateway against plain James, over SMTP on loopback.")
public final class LoadTool implements Callable<Integer> {

    @Option(names = "--mix", description = "text, typical or heavy (default: ${DEFAULT-VALUE}).")
    String mix = "text";

    @Option(names = "--messages", description = "Messages measured per run (default: ${DEFAULT-VALUE}).")
    int messages = 500;

    @Option(names = "--warmup", description = "Messages sent before measuring (default: ${DEFAULT-VALUE}).")
    int warmup = 100;

    @Option(names = "--concurrency", description = "SMTP clients sending at once (default: ${DEFAULT-VALUE}).")
    int concurrency = 4;

    @Option(names = "--rounds", description = "Rounds of (plain James, Outward); the last is reported, the "
            + "earlier ones warm the JVM for both alike (default: ${DEFAULT-VALUE}).")
    int rounds = 2;

    @Option(names = "--timeout", description = "Seconds a run may take before it is abandoned (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds = 600;

    @Option(names = "--config", description = "James configuration folder for every run instead of the built-in "
            + "deploy/conf, as deploy/gateway run --config takes it (an Inspect <stateFolder> there is kept, so "
            + "state such as the parser class archive lasts from run to run).")
    Path config;

    public static void main(String[] args) {
        System.exit(new CommandLine(new LoadTool()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        MessageMix chosen = MessageMix.parse(mix);
        List<byte[]> messagesOfMix = chosen.messages();
        long bytes = messagesOfMix.stream().mapToLong(m -> m.length).sum();
        System.out.printf(Locale.ROOT, "mix %s: %d distinct messages, %.1f KB on average; %d measured after %d warm-up, %d clients; max heap %d MB%n",
                chosen.name().toLowerCase(Locale.ROOT), messagesOfMix.size(), bytes / 1024.0 / messagesOfMix.size(),
                messages, warmup, concurrency, Runtime.getRuntime().maxMemory() >> 20);
        Path work = Files.createTempDirectory("outward-load");
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        System.out.printf(Locale.ROOT, "%-18s %8s %9s %9s %9s %9s %9s %8s %11s %11s%n", "", "msg/s", "p50 ms", "p95 ms",
                "p99 ms", "max ms", "seconds", "heap MB", "CPU ms/msg", "JIT ms/msg");
        LoadRun.Result plain = null;
        LoadRun.Result full = null;
        for (int round = 1; round <= rounds; round++) {
            plain = LoadRun.run("plain James #" + round, false, messagesOfMix, warmup, messages, concurrency, timeout,
                    work.resolve("plain-" + round), Optional.ofNullable(config));
            print(plain);
            full = LoadRun.run("Outward #" + round, true, messagesOfMix, warmup, messages, concurrency, timeout,
                    work.resolve("full-" + round), Optional.ofNullable(config));
            print(full);
        }
        System.out.printf(Locale.ROOT, "ratio Outward / plain James: throughput %.2f, p50 latency %.2f, "
                        + "CPU per message (plain / Outward) %.2f, the same without the JIT's compiling %.2f%n",
                full.perSecond() / plain.perSecond(), full.p50() / plain.p50(),
                plain.cpuMsPerMessage() / full.cpuMsPerMessage(),
                (plain.cpuMsPerMessage() - plain.jitMsPerMessage()) / (full.cpuMsPerMessage() - full.jitMsPerMessage()));
        return 0;
    }

    private static void print(LoadRun.Result r) {
        System.out.printf(Locale.ROOT, "%-18s %8.1f %9.1f %9.1f %9.1f %9.1f %9.1f %8d %11.2f %11.2f%n", r.label(),
                r.perSecond(), r.p50(), r.p95(), r.p99(), r.max(), r.seconds(), r.heapUsedMb(), r.cpuMsPerMessage(),
                r.jitMsPerMessage());
    }
}
