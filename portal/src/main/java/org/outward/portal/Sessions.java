package org.outward.portal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;

import org.outward.vault.ItemId;

/** Who has entered a right code: random session ids (in a cookie) bound to one item for a short while. */
final class Sessions {

    private record Session(ItemId item, Instant expires) {
    }

    private final ConcurrentHashMap<String, Session> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Duration lifetime;
    private final Clock clock;

    Sessions(Duration lifetime, Clock clock) {
        this.lifetime = lifetime;
        this.clock = clock;
    }

    String open(ItemId item) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        sessions.put(id, new Session(item, clock.instant().plus(lifetime)));
        return id;
    }

    boolean allows(String sessionId, ItemId item) {
        if (sessionId == null) {
            return false;
        }
        Session session = sessions.get(sessionId);
        return session != null && session.item().equals(item) && clock.instant().isBefore(session.expires());
    }

    void forgetOld() {
        Instant now = clock.instant();
        sessions.values().removeIf(s -> !now.isBefore(s.expires()));
    }

    Duration lifetime() {
        return lifetime;
    }
}
