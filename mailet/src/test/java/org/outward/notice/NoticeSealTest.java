package org.outward.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.outward.installation.InstallationKey;

class NoticeSealTest {

    private static final String ID = "<notice-1@gateway.party.example>";
    private static final Instant NOW = Instant.parse("2026-11-16T09:00:00Z");

    private final InstallationKey key = InstallationKey.of(new byte[32]);

    private NoticeSeal at(Instant instant) {
        return new NoticeSeal(key, Clock.fixed(instant, ZoneOffset.UTC), NoticeSeal.DEFAULT_VALIDITY);
    }

    @Test
    void recognisesItsOwnSeal() {
        String seal = at(NOW).seal(ID);
        assertThat(at(NOW.plusSeconds(60)).isOwn(ID, seal)).isTrue();
    }

    @Test
    void aSealDoesNotMoveToAnotherMessage() {
        String seal = at(NOW).seal(ID);
        assertThat(at(NOW).isOwn("<member-mail@party.example>", seal)).isFalse();
    }

    @Test
    void anotherInstallationsSealIsNotOurs() {
        byte[] other = new byte[32];
        other[0] = 1;
        String seal = new NoticeSeal(InstallationKey.of(other), Clock.fixed(NOW, ZoneOffset.UTC),
                NoticeSeal.DEFAULT_VALIDITY).seal(ID);
        assertThat(at(NOW).isOwn(ID, seal)).isFalse();
    }

    @Test
    void forgedTamperedOrMissingSealsAreRejected() {
        String seal = at(NOW).seal(ID);
        assertThat(at(NOW).isOwn(ID, null)).isFalse();
        assertThat(at(NOW).isOwn(ID, "yes")).isFalse();
        assertThat(at(NOW).isOwn(ID, "v1; t=" + NOW.getEpochSecond() + "; mac=" + "A".repeat(43))).isFalse();
        // Moving the time to extend validity breaks the MAC.
        assertThat(at(NOW).isOwn(ID, seal.replace("t=" + NOW.getEpochSecond(), "t=" + (NOW.getEpochSecond() + 1))))
                .isFalse();
    }

    @Test
    void oldSealsExpireSoAReplayedNoticeIsJudged() {
        String seal = at(NOW).seal(ID);
        assertThat(at(NOW.plus(Duration.ofHours(2))).isOwn(ID, seal)).isFalse();
    }
}
