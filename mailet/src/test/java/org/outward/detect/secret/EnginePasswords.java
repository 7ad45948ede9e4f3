package org.outward.detect.secret;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.outward.engine.Engine;
import org.outward.engine.Envelope;
import org.outward.inspect.ParserIsolation;
import org.outward.policy.FindingKind;
import org.outward.policy.Policy;
import org.outward.policy.PolicyLoader;

/** Whether the engine, as the gateway runs it under the default policy, reports a password in a raw message. */
final class EnginePasswords implements AutoCloseable {

    private final Engine engine;
    private final Policy policy;

    EnginePasswords(Path state) throws Exception {
        try (InputStream in = EnginePasswords.class.getResourceAsStream("/org/outward/policies/default-policy.yaml")) {
            policy = PolicyLoader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "default-policy.yaml");
        }
        engine = new Engine(state, Clock.systemUTC(), ParserIsolation.inProcess());
    }

    boolean reportsPassword(byte[] eml) {
        return engine.judge(eml, new Envelope("sender@branch.example", List.of("someone@example.org")), policy)
                .facts().stream().anyMatch(f -> f.kind() == FindingKind.PASSWORD);
    }

    @Override
    public void close() {
        engine.close();
    }
}
