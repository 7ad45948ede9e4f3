package org.outward.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class DigestScheduleTest {

    @Test
    void aDailyDigestIsDueAtTheNextSevenOClockUtc() {
        assertThat(DigestSchedule.Every.DAILY.firstAfter(Instant.parse("2026-12-07T06:59:00Z")))
                .isEqualTo(Instant.parse("2026-12-07T07:00:00Z"));
        assertThat(DigestSchedule.Every.DAILY.firstAfter(Instant.parse("2026-12-07T07:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-08T07:00:00Z"));
    }

    @Test
    void aWeeklyDigestIsDueOnTheNextMondayMorning() {
        // 7 December 2026 is a Monday.
        assertThat(DigestSchedule.Every.WEEKLY.firstAfter(Instant.parse("2026-12-07T06:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-07T07:00:00Z"));
        assertThat(DigestSchedule.Every.WEEKLY.firstAfter(Instant.parse("2026-12-07T08:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-14T07:00:00Z"));
        assertThat(DigestSchedule.Every.WEEKLY.firstAfter(Instant.parse("2026-12-10T12:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-14T07:00:00Z"));
    }
}
