package org.outward.console.oidc;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;

/**
 * Sign-ins sent to a provider and not back yet, in memory: each under a random id that only the browser that started
 * it holds (in a cookie), with the state, nonce and PKCE verifier it was sent with. Taking one removes it, so a
 * return from the provider is good once; one is kept ten minutes at most, and at most {@value #MAX} wait at once
 * (the sign-in rate limit keeps one client from filling them).
 */
final class PendingSignIns {

    static final Duration TTL = Duration.ofMinutes(10);
    static final int MAX = 2000;

    /** One sign-in on its way. */
    record Pending(ProviderKind provider, State state, Nonce nonce, CodeVerifier verifier, String language,
                   Instant expires) {
        @Override
        public String toString() {
            return "Pending[" + provider.word() + "]";
        }
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Clock clock;

    PendingSignIns(Clock clock) {
        this.clock = clock;
    }

    /** Keeps a new sign-in and returns the id for the browser's cookie; empty when too many wait. */
    Optional<String> add(ProviderKind provider, State state, Nonce nonce, CodeVerifier verifier, String language) {
        Instant now = clock.instant();
        pending.values().removeIf(p -> now.isAfter(p.expires()));
        if (pending.size() >= MAX) {
            return Optional.empty();
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        pending.put(id, new Pending(provider, state, nonce, verifier, language, now.plus(TTL)));
        return Optional.of(id);
    }

    /** The language the sign-in of this id began in, without taking it. */
    Optional<String> language(String id) {
        Pending found = id == null ? null : pending.get(id);
        return found == null ? Optional.empty() : Optional.of(found.language());
    }

    /** The sign-in of this id, removed; empty when unknown, already taken or too old. */
    Optional<Pending> take(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Pending found = pending.remove(id);
        return found == null || clock.instant().isAfter(found.expires()) ? Optional.empty() : Optional.of(found);
    }
}
