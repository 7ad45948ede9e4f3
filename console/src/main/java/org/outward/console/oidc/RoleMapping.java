package org.outward.console.oidc;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.outward.console.Role;

/**
 * Who may sign in with OpenID Connect, and as what: an e-mail address named in the settings, or a value of the
 * provider's role claim (an Entra app role or group) named there. Nobody else gets a role: an empty mapping lets
 * nobody in. An address named explicitly wins over what its claims say; among claim values, admin wins over dpo.
 *
 * @param addresses   e-mail address (any case) → role
 * @param claimValues value of the role claim (exact) → role
 */
public record RoleMapping(Map<String, Role> addresses, Map<String, Role> claimValues) {

    public RoleMapping {
        Map<String, Role> lower = new TreeMap<>();
        addresses.forEach((address, role) -> lower.put(address.toLowerCase(Locale.ROOT), role));
        addresses = Map.copyOf(lower);
        claimValues = Map.copyOf(claimValues);
    }

    /** The role of this verified address with these role-claim values, if the mapping gives one. */
    public Optional<Role> roleOf(String address, Collection<String> claimed) {
        Role named = addresses.get(address.toLowerCase(Locale.ROOT));
        if (named != null) {
            return Optional.of(named);
        }
        Optional<Role> best = Optional.empty();
        for (String value : claimed) {
            Role role = claimValues.get(value);
            if (role != null && (best.isEmpty() || role.mayAct())) {
                best = Optional.of(role);
            }
        }
        return best;
    }

    public boolean isEmpty() {
        return addresses.isEmpty() && claimValues.isEmpty();
    }
}
