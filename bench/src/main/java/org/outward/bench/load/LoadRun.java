package org.outward.bench.load;

import java.io.IOException;
import java.net.http.HttpClient;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.outward.deploy.EmbeddedGateway;
import org.outward.inspect.OcrCounts;
import org.outward.deploy.GatewaySettings;
import org.outward.deploy.OutboundRoute;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * One measured run: a fresh GreenMail as the outside world, a fresh embedded gateway relaying to it, a
 * warm-up, then {@code count} messages submitted over SMTP by {@code concurrency} clients, each timed from
 * the start of its submission to its arrival at GreenMail. A message the gateway holds (blocked or
 * quarantined) is counted as it lands in its repository, which WebAdmin tells; its latency is not known.
 */
final class LoadRun {

    /**
     * @param cpuMsPerMessage CPU time this JVM and its child processes (parser processes) spent per measured
     *                        message, load generator and GreenMail included: on a shared machine a steadier
     *                        measure of cost than throughput, which depends on what else runs
     * @param jitMsPerMessage the part of it that this JVM's JIT compiler threads spent compiling: warm-up still
     *                        going on, which a gateway that has run for a while no longer pays
     * @param held            the numbers of the measured messages that did not arrive because the gateway
     *                        holds them; latencies are of the others
     * @param quarantined     how many of them are in quarantine (the rest are blocked): held for an admin, e.g.
     *                        not fully inspected in time, rather than stopped for what was found
     * @param ocr             images the gateway sent to OCR and images its pre-check skipped, measured part only
     */
    record Result(String label, int messages, double seconds, double perSecond, double p50, double p95, double p99,
                  double max, long heapUsedMb, double cpuMsPerMessage, double jitMsPerMessage, List<Integer> held,
                  int quarantined, OcrImages ocr) {
    }

    /** Images sent to OCR and images the pre-check kept from it, as the gateway's {@link OcrCounts} count. */
    record OcrImages(long read, long skipped) {

        static OcrImages now() {
            return new OcrImages(OcrCounts.read(), OcrCounts.skipped());
        }

        OcrImages since(OcrImages before) {
            return new OcrImages(read - before.read, skipped - before.skipped);
        }
    }

    private LoadRun() {
    }

    /**
     * @param policy the policy file the gateway enforces; empty for the default policy
     */
    static Result run(String label, boolean inspection, Optional<Path> policy, List<byte[]> mix, int warmup, int count,
                      int concurrency, Duration timeout, Path work, Optional<Path> config) throws Exception {
        Map<String, Long> arrivals = new ConcurrentHashMap<>();
        AtomicInteger received = new AtomicInteger();
        int port = freePort();
        GreenMail outside = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        outside.start();
        GreenMailUser sink = outside.setUser("sink@example.org", "sink");
        // Time arrivals as GreenMail takes delivery, then keep nothing: heavy mixes would fill the heap.
        outside.getUserManager().setMessageDeliveryHandler((message, address) -> {
            String[] id = message.getMessage().getHeader(SmtpClients.ID_HEADER);
            if (id != null) {
                arrivals.putIfAbsent(id[0], System.nanoTime());
            }
            received.incrementAndGet();
            return sink;
        });
        Files.createDirectories(work);
        try (EmbeddedGateway gateway = EmbeddedGateway.start(new GatewaySettings(0, 0, config, work,
                new OutboundRoute.Relay("127.0.0.1", port, false, Optional.empty()), policy, inspection))) {
            Held held = new Held(gateway.webAdminPort());
            submit(gateway.smtpPort(), mix, "warmup-", warmup, concurrency);
            await(arrivals, held, "warmup-", warmup, timeout, gateway.webAdminPort());
            outside.purgeEmailFromAllMailboxes();
            held.startCounting();
            OcrImages ocrBefore = OcrImages.now();

            Map<String, Long> started = new ConcurrentHashMap<>();
            long begin = System.nanoTime();
            long cpuBegin = cpuNanos();
            long jitBegin = compilerNanos();
            submitTimed(gateway.smtpPort(), mix, count, concurrency, started);
            await(arrivals, held, "m-", count, timeout, gateway.webAdminPort());
            long cpu = cpuNanos() - cpuBegin;
            long jit = compilerNanos() - jitBegin;
            OcrImages ocr = OcrImages.now().since(ocrBefore);
            long end = Math.max(held.lastSeen(), arrivals.entrySet().stream().filter(e -> e.getKey().startsWith("m-"))
                    .mapToLong(Map.Entry::getValue).max().orElse(begin));
            double[] latencies = started.entrySet().stream().filter(e -> arrivals.containsKey(e.getKey()))
                    .mapToDouble(e -> (arrivals.get(e.getKey()) - e.getValue()) / 1e6).sorted().toArray();
            List<Integer> heldNumbers = java.util.stream.IntStream.range(0, count)
                    .filter(i -> !arrivals.containsKey("m-" + i)).boxed().toList();
            Runtime runtime = Runtime.getRuntime();
            double seconds = (end - begin) / 1e9;
            return new Result(label, count, seconds, count / seconds, percentile(latencies, 50),
                    percentile(latencies, 95), percentile(latencies, 99), latencies[latencies.length - 1],
                    (runtime.totalMemory() - runtime.freeMemory()) >> 20, cpu / 1e6 / count, jit / 1e6 / count,
                    heldNumbers, held.quarantinedSince(), ocr);
        } finally {
            outside.stop();
        }
    }

    /**
     * CPU time of this process, of its living descendants, and of the child processes that it and they have
     * ended: a parser process killed at a time limit, the one that makes the parser class archive, and each
     * Tesseract a parser process runs for OCR. Without the ended ones, a child that ends during a run would take
     * the CPU it had spent before the run off the run's account, and OCR would cost nothing.
     */
    private static long cpuNanos() {
        long own = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        long children = ProcessHandle.current().descendants()
                .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)
                        + endedChildrenNanos(Path.of("/proc", Long.toString(p.pid()), "stat"))).sum();
        return own + children + endedChildrenNanos(Path.of("/proc/self/stat"));
    }

    /**
     * The CPU time of the ended child processes that a process has waited for, which Linux adds to its
     * {@code cutime} and {@code cstime} (fields 16 and 17 of /proc/PID/stat, in ticks of 10 ms); 0 without /proc
     * or once the process has gone.
     */
    private static long endedChildrenNanos(Path procStat) {
        try {
            String stat = Files.readString(procStat);
            // The fields after the command's closing parenthesis start with field 3.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * 10_000_000L;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * The CPU time of this JVM's JIT compiler threads so far, from /proc/self/task (0 without it). A compiler
     * thread that the JVM ended during the run takes its time with it, so on a machine with many cores, where the
     * JVM starts and ends extra compiler threads, this is a lower bound.
     */
    private static long compilerNanos() {
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            return tasks.mapToLong(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (!name.startsWith("C1 CompilerThre") && !name.startsWith("C2 CompilerThre")) {
                        return 0;
                    }
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
                    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
                } catch (IOException | RuntimeException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static void submit(int port, List<byte[]> mix, String prefix, int count, int concurrency) throws Exception {
        submitTimed(port, mix, count, concurrency, null, prefix);
    }

    private static void submitTimed(int port, List<byte[]> mix, int count, int concurrency, Map<String, Long> started)
            throws Exception {
        submitTimed(port, mix, count, concurrency, started, "m-");
    }

    private static void submitTimed(int port, List<byte[]> mix, int count, int concurrency, Map<String, Long> started,
                                    String prefix) throws Exception {
        SmtpClients.submit(port, "sam.volunteer@party.example", "alex.agent@example.org", 0, count, concurrency,
                i -> mix.get(i % mix.size()), prefix, id -> {
                    if (started != null) {
                        started.put(id, System.nanoTime());
                    }
                });
    }

    /**
     * Waits until every message of the prefix has arrived. When none has arrived for {@link #STALL}, says which are
     * missing and where the gateway holds mail (queues and repositories), again after each further stall, so that
     * a run that waits for ever shows why long before its timeout; the timeout's exception says the same.
     */
    private static void await(Map<String, Long> arrivals, Held held, String prefix, int count, Duration timeout,
                              int webAdminPort) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long arrived = -1;
        long lastProgress = System.nanoTime();
        while (true) {
            long delivered = arrivals.keySet().stream().filter(k -> k.startsWith(prefix)).count();
            long now = delivered < count ? delivered + held.since() : delivered;
            if (now >= count) {
                return;
            }
            if (now != arrived) {
                arrived = now;
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > STALL.toNanos()) {
                System.out.println("waiting: " + stalled(arrivals, prefix, count, webAdminPort));
                lastProgress = System.nanoTime();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not every message arrived within " + timeout.toSeconds() + "s: "
                        + stalled(arrivals, prefix, count, webAdminPort));
            }
            Thread.sleep(5);
        }
    }

    /**
     * The mail the gateway holds since counting started, from its repositories; looked at no more often than every
     * {@link #HELD_POLL} (a WebAdmin call per repository), which bounds how late a held message is seen.
     */
    private static final class Held {

        private static final long HELD_POLL = Duration.ofMillis(200).toNanos();

        private final int webAdminPort;
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private int before;
        private int last;
        private int quarantinedBefore;
        private long lastLooked;
        private long lastSeen;

        Held(int webAdminPort) {
            this.webAdminPort = webAdminPort;
        }

        void startCounting() throws Exception {
            before = total();
            last = before;
            quarantinedBefore = GatewayState.repositorySize(http, webAdminPort, GatewayState.QUARANTINE);
        }

        /** Quarantined since counting started; asks WebAdmin. */
        int quarantinedSince() throws Exception {
            return GatewayState.repositorySize(http, webAdminPort, GatewayState.QUARANTINE) - quarantinedBefore;
        }

        /** Held since counting started (all held, before it started). */
        int since() throws Exception {
            long now = System.nanoTime();
            if (now - lastLooked >= HELD_POLL) {
                lastLooked = now;
                int total = total();
                if (total != last) {
                    last = total;
                    lastSeen = System.nanoTime();
                }
            }
            return last - before;
        }

        /** When the count of held mail last went up; 0 if it never did. */
        long lastSeen() {
            return lastSeen;
        }

        private int total() throws Exception {
            int total = 0;
            for (String repository : GatewayState.HELD) {
                total += GatewayState.repositorySize(http, webAdminPort, repository);
            }
            return total;
        }
    }

    /** How long without an arrival before the tool says what it waits for. */
    private static final Duration STALL = Duration.ofSeconds(30);

    private static String stalled(Map<String, Long> arrivals, String prefix, int count, int webAdminPort) {
        List<String> missing = java.util.stream.IntStream.range(0, count).mapToObj(i -> prefix + i)
                .filter(id -> !arrivals.containsKey(id)).toList();
        return (count - missing.size()) + " of " + count + " arrived; missing " + missing.subList(0, Math.min(10, missing.size()))
                + (missing.size() > 10 ? " and " + (missing.size() - 10) + " more" : "") + "; gateway: "
                + GatewayState.describe(webAdminPort);
    }

    private static double percentile(double[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
