package org.outward.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.outward.policy.InvalidPolicyException;
import org.outward.policy.Policy;
import org.outward.policy.PolicyLoader;

/**
 * The policy an admin command judges with: the file named by {@code --policy}, or the default policy shipped
 * on the class path, so the commands work from any folder without a checkout of {@code policies/}.
 */
final class PolicySource {

    private PolicySource() {
    }

    static Policy load(Path file) throws InvalidPolicyException {
        return file != null ? PolicyLoader.load(file) : loadDefault();
    }

    /** What the output calls the policy in use. */
    static String describe(Path file) {
        return file != null ? file.toString() : "the default policy";
    }

    private static Policy loadDefault() throws InvalidPolicyException {
        try (InputStream in = PolicySource.class.getResourceAsStream(ConfigRenderer.DEFAULT_POLICY)) {
            if (in == null) {
                throw new IllegalStateException("the default policy is missing from the class path ("
                        + ConfigRenderer.DEFAULT_POLICY + "); rebuild with mvn -B install");
            }
            return PolicyLoader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "default-policy.yaml");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the default policy from the class path", e);
        }
    }
}
