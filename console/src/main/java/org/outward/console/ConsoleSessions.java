package org.outward.console;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signed-in users, in memory (a restart signs everyone out): a random 256-bit id in a cookie, ended after a
 * quiet half hour or eight hours at most, and on sign-out. A new id is made at each sign-in, so an id planted
 * before it is worth nothing.
 */
final class ConsoleSessions {

    static final String COOKIE = "ow_console";
    static final Duration IDLE = Duration.ofMinutes(30);
    static final Duration MAX = Duration.ofHours(8);

    /** One signed-in user. */
    record Session(String id, Account account, Instant started, Instant lastSeen) {
        @Override
        public String toString() {
            return "Session[" + account.name() + "]";
        }
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Clock clock;

    ConsoleSessions(Clock clock) {
        this.clock = clock;
    }

    Session start(Account account) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Session session = new Session(id, account, now, now);
        sessions.put(id, session);
        return session;
    }

    /** The live session of this id, seen now; empty when unknown or over its time. */
    Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session session = sessions.get(id);
        Instant now = clock.instant();
        if (session == null) {
            return Optional.empty();
        }
        if (now.isAfter(session.lastSeen().plus(IDLE)) || now.isAfter(session.started().plus(MAX))) {
            sessions.remove(id);
            return Optional.empty();
        }
        Session seen = new Session(id, session.account(), session.started(), now);
        sessions.put(id, seen);
        return Optional.of(seen);
    }

    void end(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    void forgetOld() {
        Instant now = clock.instant();
        sessions.values().removeIf(s -> now.isAfter(s.lastSeen().plus(IDLE)) || now.isAfter(s.started().plus(MAX)));
    }
}
