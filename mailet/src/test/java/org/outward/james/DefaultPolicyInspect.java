package org.outward.james;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.apache.mailet.base.test.FakeMailetConfig;

/** The Inspect mailet as the gateway runs it, under the default policy with a time limit per part of the test's choosing. */
final class DefaultPolicyInspect {

    private DefaultPolicyInspect() {
    }

    static Inspect start(Path folder, Duration timePerPart) throws Exception {
        Path policy = folder.resolve("policy.yaml");
        try (InputStream in = DefaultPolicyInspect.class.getResourceAsStream("/org/outward/policies/default-policy.yaml")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!text.contains("time-per-part: 30s")) {
                throw new IllegalStateException("the default policy no longer says time-per-part: 30s");
            }
            Files.writeString(policy, text.replace("time-per-part: 30s", "time-per-part: " + timePerPart.toSeconds() + "s"));
        }
        Inspect mailet = new Inspect();
        mailet.init(FakeMailetConfig.builder().mailetName("Inspect").setProperty("policy", policy.toString())
                .setProperty("stateFolder", folder.resolve("state").toString()).build());
        return mailet;
    }
}
