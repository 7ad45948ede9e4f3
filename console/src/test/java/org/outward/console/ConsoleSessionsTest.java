package org.outward.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.outward.portal.TestClock;

class ConsoleSessionsTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-12-07T09:00:00Z"));
    private final ConsoleSessions sessions = new ConsoleSessions(clock);
    private final Account admin = new Account("admin", Role.ADMIN, "$argon2id$x", "AAAA");

    @Test
    void aSessionEndsAfterHalfAnHourQuiet() {
        String id = sessions.start(admin).id();
        clock.advance(Duration.ofMinutes(29));
        assertThat(sessions.find(id)).isPresent();
        clock.advance(Duration.ofMinutes(31));
        assertThat(sessions.find(id)).isEmpty();
    }

    @Test
    void aBusySessionStillEndsAfterEightHours() {
        String id = sessions.start(admin).id();
        for (int i = 0; i < 17; i++) {
            clock.advance(Duration.ofMinutes(29));
            sessions.find(id);
        }
        assertThat(sessions.find(id)).isEmpty();
    }

    @Test
    void eachSignInGetsANewUnguessableIdAndSignOutEndsIt() {
        String first = sessions.start(admin).id();
        String second = sessions.start(admin).id();
        assertThat(first).isNotEqualTo(second).hasSize(43);
        sessions.end(first);
        assertThat(sessions.find(first)).isEmpty();
        assertThat(sessions.find(second)).isPresent();
    }
}
