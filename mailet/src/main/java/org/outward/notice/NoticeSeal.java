package org.outward.notice;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.outward.installation.InstallationKey;

/**
 * Marks the gateway's own messages (teaching notices, secure-link one-time codes) so the inspection mailet
 * recognises them and never judges them: a one-time code in a notice is not a member leaking a password.
 *
 * <p>The mark is a header {@value #HEADER}: {@code v1; t=<seconds>; mac=<HMAC>} where the HMAC, under the
 * installation key, covers the message's Message-ID and the time of sealing. A sender cannot make one
 * without the key, nor move one to a message with another Message-ID. Because the sender of a message may
 * receive a genuine notice, a seal is accepted only for a limited time after it was made (default 1 hour),
 * which bounds replay; the inspection mailet should also strip this header from any message it did not make.
 */
public final class NoticeSeal {

    /** The header that carries the seal. */
    public static final String HEADER = "X-Outward-Notice";
    /** How long after sealing a seal is accepted by default. */
    public static final Duration DEFAULT_VALIDITY = Duration.ofHours(1);

    private static final String PURPOSE = "outward-notice-v1";
    private static final Pattern FORMAT = Pattern.compile("\\s*v1;\\s*t=(\\d{1,12});\\s*mac=([A-Za-z0-9_-]{43})\\s*");
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final InstallationKey key;
    private final Clock clock;
    private final Duration validity;

    public NoticeSeal(InstallationKey key, Clock clock, Duration validity) {
        this.key = Objects.requireNonNull(key, "key");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.validity = Objects.requireNonNull(validity, "validity");
    }

    /** The header value to put on a message the gateway made, with this Message-ID. */
    public String seal(String messageId) {
        long seconds = clock.instant().getEpochSecond();
        return "v1; t=" + seconds + "; mac=" + mac(messageId, seconds);
    }

    /** Whether this header value is a genuine, current seal for a message with this Message-ID. */
    public boolean isOwn(String messageId, String headerValue) {
        if (messageId == null || headerValue == null) {
            return false;
        }
        Matcher matcher = FORMAT.matcher(headerValue);
        if (!matcher.matches()) {
            return false;
        }
        long seconds = Long.parseLong(matcher.group(1));
        Instant sealed = Instant.ofEpochSecond(seconds);
        Instant now = clock.instant();
        if (sealed.isAfter(now.plus(CLOCK_SKEW)) || sealed.plus(validity).isBefore(now)) {
            return false;
        }
        // Constant-time comparison: timing must not reveal how much of a forged MAC was right.
        return MessageDigest.isEqual(mac(messageId, seconds).getBytes(StandardCharsets.US_ASCII),
                matcher.group(2).getBytes(StandardCharsets.US_ASCII));
    }

    private String mac(String messageId, long seconds) {
        return key.hmacText(PURPOSE, messageId.strip() + "\n" + seconds);
    }
}
