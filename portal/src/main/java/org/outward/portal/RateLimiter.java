package org.outward.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts requests per key (a client address, a link) in fixed windows. Fixed windows allow a burst of twice the
 * limit across a window edge, which is acceptable here: the limits are there to stop guessing and floods.
 */
public final class RateLimiter {

    private static final int MAX_KEYS = 100_000;

    private record Window(Instant start, int count) {
    }

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    public RateLimiter(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** Counts one request; false when the key is over its limit. */
    public boolean allow(String key) {
        Instant now = clock.instant();
        if (windows.size() > MAX_KEYS) {
            forgetOld(now);
        }
        Window counted = windows.compute(key, (k, w) -> w == null || !now.isBefore(w.start().plus(window))
                ? new Window(now, 1) : new Window(w.start(), w.count() + 1));
        return counted.count() <= limit;
    }

    public void forgetOld(Instant now) {
        windows.values().removeIf(w -> !now.isBefore(w.start().plus(window)));
    }
}
