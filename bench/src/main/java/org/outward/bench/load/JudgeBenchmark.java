package org.outward.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.mail.MessagingException;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.outward.engine.Engine;
import org.outward.engine.Envelope;
import org.outward.engine.Judgement;
import org.outward.inspect.ParserIsolation;
import org.outward.policy.InvalidPolicyException;
import org.outward.policy.Policy;
import org.outward.policy.PolicyLoader;

/**
 * The engine alone (walk, detectors, decision) over the load tool's mixes, as the inspection mailet calls it:
 * the per-message cost that the load tool sees through James, without James, SMTP and delivery around it, so
 * that a profiler (JMH's {@code -prof stack}, or JFR) shows where it goes.
 *
 * <pre>
 * bench/run -f 1 -wi 3 -i 5 -p mix=text,typical -p parsing=forked,in-process JudgeBenchmark -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class JudgeBenchmark {

    @Param({"text", "typical"})
    public String mix;

    /** Where attachments are parsed: in parser processes (the default) or in the benchmark's own JVM. */
    @Param({"forked", "in-process"})
    public String parsing;

    private List<byte[]> messages;
    private Path state;
    private Engine engine;
    private Policy policy;
    private final Envelope envelope = new Envelope("sam.volunteer@party.example", List.of("alex.agent@example.org"));
    private int next;

    @Setup
    public void prepare() throws IOException, MessagingException, InvalidPolicyException {
        messages = MessageMix.parse(mix).messages();
        state = Files.createTempDirectory("outward-judge-bench");
        engine = new Engine(state, Clock.systemUTC(),
                parsing.equals("forked") ? ParserIsolation.defaults() : ParserIsolation.inProcess());
        policy = PolicyLoader.load(policyFile());
    }

    @TearDown
    public void close() throws IOException {
        engine.close();
        try (var files = Files.walk(state)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Benchmark
    public Judgement judge() {
        return engine.judge(messages.get(next++ % messages.size()), envelope, policy);
    }

    private static Path policyFile() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("policies/default-policy.yaml");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("policies/default-policy.yaml not found above the working folder");
    }
}
