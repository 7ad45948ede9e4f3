package org.outward.portal;

import java.util.concurrent.ConcurrentHashMap;

/**
 * How many request bodies one client may be sending at once. Forms are small and arrive in one packet, so a
 * client needing more than a few at a time is trickling them to hold the portal's threads.
 */
final class BodySlots {

    private final int perClient;
    private final ConcurrentHashMap<String, Integer> taken = new ConcurrentHashMap<>();

    BodySlots(int perClient) {
        this.perClient = perClient;
    }

    /** Takes a slot; false when the client already has all of its slots. */
    boolean take(String client) {
        boolean[] got = new boolean[1];
        taken.compute(client, (key, count) -> {
            int now = count == null ? 0 : count;
            got[0] = now < perClient;
            return got[0] ? now + 1 : now == 0 ? null : now;
        });
        return got[0];
    }

    /** Gives back a slot taken with {@link #take}. */
    void give(String client) {
        taken.computeIfPresent(client, (key, count) -> count <= 1 ? null : count - 1);
    }
}
