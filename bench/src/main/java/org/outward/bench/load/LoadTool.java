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
 * to a baseline and to the full gateway, with GreenMail as the outside world, and the ratio is printed. The
 * baseline is the same embedded James with the inspection configured out, or ({@code --baseline ocr-off}) the
 * full gateway with OCR switched off in its policy, to show what reading images costs. Mail the gateway holds is
 * counted, and the share of the mix's photographed lists it held is printed. Loopback only; bounded in count
 * and time.
 *
 * <pre>
 * bench/load --mix typical --messages 300 --concurrency 4
 * bench/load --mix typical --baseline ocr-off --rounds 3
 * </pre>
 */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Throughput and latency of the full gateway against plain James, over SMTP on loopback.")
public final class LoadTool implements Callable<Integer> {

    @Option(names = "--mix", description = "text, typical, heavy or photos (default: ${DEFAULT-VALUE}).")
    String mix = "text";

    @Option(names = "--baseline", description = "plain (James without the inspection) or ocr-off (the gateway "
            + "with OCR off in its policy) (default: ${DEFAULT-VALUE}).")
    String baselineName = "plain";

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
        Baseline baseline = Baseline.parse(baselineName);
        Optional<Path> ocrOff = baseline == Baseline.OCR_OFF
                ? Optional.of(OcrOffPolicy.write(work.resolve("policy-ocr-off.yaml"))) : Optional.empty();
        String baseName = baseline == Baseline.OCR_OFF ? "OCR off" : "plain James";
        String fullName = baseline == Baseline.OCR_OFF ? "OCR on" : "Outward";
        LoadRun.Result base = null;
        LoadRun.Result full = null;
        for (int round = 1; round <= rounds; round++) {
            base = LoadRun.run(baseName + " #" + round, baseline == Baseline.OCR_OFF, ocrOff, messagesOfMix, warmup,
                    messages, concurrency, timeout, work.resolve("base-" + round), Optional.ofNullable(config));
            print(base, chosen, messagesOfMix.size());
            full = LoadRun.run(fullName + " #" + round, true, Optional.empty(), messagesOfMix, warmup, messages,
                    concurrency, timeout, work.resolve("full-" + round), Optional.ofNullable(config));
            print(full, chosen, messagesOfMix.size());
        }
        System.out.printf(Locale.ROOT, "ratio %s / %s: throughput %.2f, p50 latency %.2f, "
                        + "CPU per message (%s / %s) %.2f, the same without the JIT's compiling %.2f%n",
                fullName, baseName, full.perSecond() / base.perSecond(), full.p50() / base.p50(), baseName, fullName,
                base.cpuMsPerMessage() / full.cpuMsPerMessage(),
                (base.cpuMsPerMessage() - base.jitMsPerMessage()) / (full.cpuMsPerMessage() - full.jitMsPerMessage()));
        return 0;
    }

    /** What the full gateway is measured against. */
    enum Baseline {
        PLAIN, OCR_OFF;

        static Baseline parse(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    private static void print(LoadRun.Result r, MessageMix mix, int distinct) {
        System.out.printf(Locale.ROOT, "%-18s %8.1f %9.1f %9.1f %9.1f %9.1f %9.1f %8d %11.2f %11.2f%n", r.label(),
                r.perSecond(), r.p50(), r.p95(), r.p99(), r.max(), r.seconds(), r.heapUsedMb(), r.cpuMsPerMessage(),
                r.jitMsPerMessage());
        long lists = java.util.stream.IntStream.range(0, r.messages()).filter(i -> mix.carriesList(i % distinct)).count();
        long heldLists = r.held().stream().filter(i -> mix.carriesList(i % distinct)).count();
        System.out.printf(Locale.ROOT, "%-18s held %d of %d photographed lists and %d of %d other messages (%d of "
                        + "the held in quarantine); images read by OCR %d, skipped by the pre-check %d%n", "", heldLists,
                lists, r.held().size() - heldLists, r.messages() - lists, r.quarantined(), r.ocr().read(),
                r.ocr().skipped());
    }
}
