package org.outward.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.outward.policy.Decider;
import org.outward.policy.Decision;
import org.outward.policy.Fact;
import org.outward.policy.FindingKind;
import org.outward.policy.InvalidPolicyException;
import org.outward.policy.MessageFacts;
import org.outward.policy.PolicyLoader;
import org.outward.protect.ProtectionLevel;

/**
 * What the policy decision adds per message, with the default policy: a message with no findings (most mail)
 * and one with a canvass spreadsheet for an internal and an outside recipient.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DecisionBenchmark {

    private Decider decider;
    private MessageFacts plain;
    private MessageFacts canvass;

    @Setup
    public void load() throws IOException, InvalidPolicyException {
        try (InputStream in = DecisionBenchmark.class.getResourceAsStream("/org/outward/policies/default-policy.yaml")) {
            decider = new Decider(PolicyLoader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "default"));
        }
        plain = new MessageFacts("sam@party.example", List.of("alex@example.org"), "Leaflets", List.of());
        canvass = new MessageFacts("sam@party.example", List.of("agent@party.example", "alex@example.org"), "Canvass",
                List.of(new Fact(FindingKind.SPECIAL_CATEGORY_DATA, "2/canvass.xlsx", "canvass.xlsx",
                                ProtectionLevel.NONE, 312, 0.9, "312 rows"),
                        new Fact(FindingKind.PERSONAL_DATA, "2/canvass.xlsx", "canvass.xlsx",
                                ProtectionLevel.NONE, 312, 0.9, "312 rows")));
    }

    @Benchmark
    public Decision messageWithoutFindings() {
        return decider.decide(plain);
    }

    @Benchmark
    public Decision canvassToTwoRecipients() {
        return decider.decide(canvass);
    }
}
