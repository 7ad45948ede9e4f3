package org.outward.portal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.outward.vault.Vault;

/**
 * Whether this portal node can serve links now: its vault (the folder, or the shared database and bucket) and the
 * store of its codes and sessions answer. Each check is named by what it checks, never with its error's message,
 * which could name a host, a path or a user.
 */
record PortalHealth(Vault vault, PortalState state) {

    /** Each check's name and whether it passed, in a fixed order. */
    Map<String, Boolean> check() {
        Map<String, Boolean> checks = new LinkedHashMap<>();
        checks.put("vault", passes(vault::checkReachable));
        checks.put("state", passes(state::checkReachable));
        return checks;
    }

    private static boolean passes(PortalState.Reachability check) {
        try {
            check.check();
            return true;
        } catch (IOException | RuntimeException e) {
            System.getLogger(PortalHealth.class.getName()).log(System.Logger.Level.WARNING,
                    "portal health check failed: " + e.getClass().getName());
            return false;
        }
    }
}
