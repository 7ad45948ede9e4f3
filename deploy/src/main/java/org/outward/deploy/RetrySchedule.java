package org.outward.deploy;

import java.time.Duration;

import javax.mail.MessagingException;

import org.apache.james.transport.mailets.remote.delivery.DelaysAndMaxRetry;

/**
 * How long RemoteDelivery keeps trying to hand accepted mail to the next server, in James 3.8.1's
 * {@code delayTime} and {@code maxRetries} syntax: a first retry after five seconds (a smart host restarting),
 * then backing off as a mature MTA does, up to four hours apart, and giving up (a bounce to the sender) after
 * about five days, Postfix's default queue lifetime. The Docker flavours' {@code mailetcontainer.xml} files carry
 * the same text and the same {@link #MAX_DNS_PROBLEM_RETRIES}, which {@code RetryScheduleTest} checks.
 */
final class RetrySchedule {

    /** Waits between attempts: 5 s, 1 min, 5 min twice, 15 min twice, 30 min twice, 1 h twice, 2 h twice, then 4 h. */
    static final String DELAY_TIME = "1 * 5 seconds, 1 * 1 minutes, 2 * 5 minutes, 2 * 15 minutes, 2 * 30 minutes, "
            + "2 * 1 hours, 2 * 2 hours, 28 * 4 hours";

    /** The sum of the attempts above: James stretches the last delay if this is larger, the schedule if smaller. */
    static final int MAX_RETRIES = 40;

    /** How long the schedule keeps trying, as James reads it: the sum of its waits, about five days. */
    static Duration lasts() {
        try {
            return DelaysAndMaxRetry.from(MAX_RETRIES, DELAY_TIME).getExpandedDelays().stream()
                    .reduce(Duration.ZERO, Duration::plus);
        } catch (MessagingException e) {
            throw new IllegalStateException("the built-in retry schedule cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Attempts that may find no mail server for a name (the recipient's domain, or the smart host's) before the
     * bounce: about six minutes on the schedule above, so a DNS hiccup does not bounce mail while a misspelt domain
     * is still bounced soon. A temporary DNS failure (SERVFAIL) is retried on the whole schedule whatever this says.
     */
    static final int MAX_DNS_PROBLEM_RETRIES = 3;

    private RetrySchedule() {
    }
}
