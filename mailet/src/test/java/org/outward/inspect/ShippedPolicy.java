package org.outward.inspect;

import java.nio.file.Files;
import java.nio.file.Path;

import org.outward.policy.Policy;
import org.outward.policy.PolicyLoader;

/** The policy the project ships (policies/default-policy.yaml), with another time per part for slow tests. */
final class ShippedPolicy {

    private ShippedPolicy() {
    }

    /** The shipped policy with {@code limits.time-per-part} set to {@code time} (such as {@code 8s}). */
    static Policy withTimePerPart(String time) throws Exception {
        String text = Files.readString(root().resolve("policies/default-policy.yaml"))
                .replace("time-per-part: 30s", "time-per-part: " + time);
        return PolicyLoader.parse(text, "default policy, " + time + " per part");
    }

    private static Path root() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("policies/default-policy.yaml"))) {
                return d;
            }
        }
        throw new IllegalStateException("policies/ not found");
    }
}
