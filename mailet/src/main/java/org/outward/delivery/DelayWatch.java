package org.outward.delivery;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Decides which queued mail is due its delay notice: mail whose delivery has failed at least once and that has
 * waited {@code notifyAfter} since the gateway took it on, once per message (the {@link NotifiedMessages} record).
 * Mail still waiting for its first attempt is not delayed by the next server, so it gets no notice.
 *
 * @param notifyAfter how long mail waits before its sender is told (four hours by default)
 * @param retryFor    how long the delivery mailet keeps trying before it returns the mail
 * @param notified    who has been told
 */
public record DelayWatch(Duration notifyAfter, Duration retryFor, NotifiedMessages notified) {

    /** Records are kept this long past the retry period, for mail whose last attempts James stretched. */
    private static final Duration SLACK = Duration.ofDays(1);

    public DelayWatch {
        Objects.requireNonNull(notified, "notified");
        if (notifyAfter.isNegative() || retryFor.isNegative() || retryFor.compareTo(notifyAfter) <= 0) {
            throw new IllegalArgumentException("the delay notice must come before delivery is given up: notifyAfter "
                    + notifyAfter + ", retryFor " + retryFor);
        }
    }

    /** Whether this queued mail's sender should be told now. */
    public boolean due(String mailName, Instant queuedAt, int failedAttempts, Instant now) {
        return failedAttempts > 0 && !now.isBefore(queuedAt.plus(notifyAfter)) && !notified.contains(mailName);
    }

    /** When the gateway gives up on mail it took on at {@code queuedAt}. */
    public Instant keepsTryingUntil(Instant queuedAt) {
        return queuedAt.plus(retryFor);
    }

    /** Records that this mail's sender has been told, before the notice goes out. */
    public void told(String mailName, Instant now) throws IOException {
        notified.add(mailName, now);
    }

    /** Forgets the records of mail that cannot be queued any more. */
    public void forgetOld(Instant now) throws IOException {
        notified.forgetBefore(now.minus(retryFor).minus(SLACK));
    }
}
