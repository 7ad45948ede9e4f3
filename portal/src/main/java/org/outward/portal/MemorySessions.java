package org.outward.portal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

import org.outward.vault.ItemId;

/** The single-node {@link Sessions}: in this process's memory. */
final class MemorySessions implements Sessions {

    private record Session(ItemId item, Instant expires) {
    }

    private final ConcurrentHashMap<String, Session> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Duration lifetime;
    private final Clock clock;

    MemorySessions(Duration lifetime, Clock clock) {
        this.lifetime = lifetime;
        this.clock = clock;
    }

    @Override
    public String open(ItemId item) {
        String id = Sessions.newId(random);
        sessions.put(id, new Session(item, clock.instant().plus(lifetime)));
        return id;
    }

    @Override
    public boolean allows(String sessionId, ItemId item) {
        if (sessionId == null) {
            return false;
        }
        Session session = sessions.get(sessionId);
        return session != null && session.item().equals(item) && clock.instant().isBefore(session.expires());
    }

    @Override
    public void forgetOld() {
        Instant now = clock.instant();
        sessions.values().removeIf(s -> !now.isBefore(s.expires()));
    }

    @Override
    public Duration lifetime() {
        return lifetime;
    }
}
