package org.outward.deploy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mails the DPO's digest from the running gateway ({@code gateway run --digest daily|weekly}): daily at 07:00 UTC
 * for the 24 hours before, or weekly on Monday at 07:00 UTC for the week before, so it is waiting at the start of the
 * working day. A digest that cannot be sent is logged and the next one tries again.
 */
final class DigestSchedule implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DigestSchedule.class);
    static final LocalTime AT = LocalTime.of(7, 0);

    /** How often a digest goes. */
    enum Every {
        DAILY(Duration.ofDays(1)), WEEKLY(Duration.ofDays(7));

        final Duration period;

        Every(Duration period) {
            this.period = period;
        }

        /** The first time a digest is due after {@code now}. */
        Instant firstAfter(Instant now) {
            ZonedDateTime utc = now.atZone(ZoneOffset.UTC);
            ZonedDateTime next = utc.with(AT);
            if (this == WEEKLY) {
                next = next.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
            }
            if (!next.isAfter(utc)) {
                next = next.plus(period);
            }
            return next.toInstant();
        }
    }

    private final ScheduledExecutorService timer;

    private DigestSchedule(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /** Starts sending digests, the first one after {@code firstIn}. */
    static DigestSchedule start(DigestDelivery delivery, Every every, Duration firstIn) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "outward-dpo-digest");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(() -> sendQuietly(delivery, every), firstIn.toMillis(), every.period.toMillis(),
                TimeUnit.MILLISECONDS);
        return new DigestSchedule(timer);
    }

    /** Starts sending digests at their times. */
    static DigestSchedule start(DigestDelivery delivery, Every every) {
        Instant now = Instant.now();
        return start(delivery, every, Duration.between(now, every.firstAfter(now)));
    }

    private static void sendQuietly(DigestDelivery delivery, Every every) {
        Instant end = Instant.now();
        try {
            String dpo = delivery.send(end.minus(every.period), end);
            LOG.info("DPO digest of the last {} sent to {}", every.period, dpo);
        } catch (DigestDelivery.Problem | RuntimeException e) {
            LOG.warn("DPO digest not sent: {}; the next one tries again", e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
