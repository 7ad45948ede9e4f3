package org.outward.policy;

import java.nio.file.Path;

/**
 * Told of each version of the policy file a {@link PolicyHolder} loads or turns away, with the SHA-256 of the
 * file's bytes, so that an audit trail can show which policy was in force when. The gateway's {@code Inspect}
 * mailet writes each as a {@code policy-change} audit event.
 */
@FunctionalInterface
public interface PolicyChanges {

    /** Tells no one. */
    PolicyChanges NONE = (file, sha256, outcome, rules) -> {
    };

    /**
     * @param outcome {@code loaded} (at start-up), {@code reloaded} (an edited file now in force) or
     *                {@code rejected} (an edited file that cannot be used; the last good policy stays in force)
     * @param rules   how many rules the policy in force has afterwards
     */
    void changed(Path file, String sha256, String outcome, int rules);
}
