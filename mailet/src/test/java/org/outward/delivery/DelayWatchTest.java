package org.outward.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which queued mail earns its sender a delay notice, and that the record of who was told survives a restart. */
class DelayWatchTest {

    private static final Instant QUEUED = Instant.parse("2026-12-07T08:00:00Z");

    @TempDir
    Path state;

    private DelayWatch watch() throws Exception {
        return new DelayWatch(Duration.ofHours(4), Duration.ofDays(5), NotifiedMessages.in(state.resolve("told.txt")));
    }

    @Test
    void mailIsDueAfterTheWaitOnlyOnceADeliveryAttemptHasFailed() throws Exception {
        DelayWatch watch = watch();

        assertThat(watch.due("m1", QUEUED, 3, QUEUED.plus(Duration.ofHours(3).plusMinutes(59)))).isFalse();
        assertThat(watch.due("m1", QUEUED, 0, QUEUED.plus(Duration.ofHours(5)))).as("never tried: not the next server's delay").isFalse();
        assertThat(watch.due("m1", QUEUED, 1, QUEUED.plus(Duration.ofHours(4)))).isTrue();
        assertThat(watch.keepsTryingUntil(QUEUED)).isEqualTo(Instant.parse("2026-12-12T08:00:00Z"));
    }

    @Test
    void aSenderToldIsNotToldAgainAfterARestartUntilTheRecordIsOlderThanAnyQueuedMail() throws Exception {
        Instant told = QUEUED.plus(Duration.ofHours(4));
        watch().told("Mail1-a b", told);

        DelayWatch restarted = watch();
        assertThat(restarted.due("Mail1-a b", QUEUED, 6, told.plus(Duration.ofHours(1)))).isFalse();
        assertThat(restarted.due("Mail2", QUEUED, 6, told.plus(Duration.ofHours(1)))).isTrue();

        restarted.forgetOld(told.plus(Duration.ofDays(5)));
        assertThat(watch().due("Mail1-a b", QUEUED, 6, told.plus(Duration.ofDays(5)))).as("kept while mail may wait").isFalse();
        restarted.forgetOld(told.plus(Duration.ofDays(7)));
        assertThat(watch().due("Mail1-a b", QUEUED, 6, told.plus(Duration.ofDays(7)))).isTrue();
    }

    @Test
    void theNoticeMustComeBeforeDeliveryIsGivenUp() {
        assertThatThrownBy(() -> new DelayWatch(Duration.ofDays(6), Duration.ofDays(5),
                NotifiedMessages.in(state.resolve("told.txt")))).isInstanceOf(IllegalArgumentException.class);
    }
}
