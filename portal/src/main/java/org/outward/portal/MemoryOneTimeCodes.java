package org.outward.portal;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.outward.vault.ItemId;

/** The single-node {@link OneTimeCodes}: states in this process's memory, one lock for all, codes as MACs. */
final class MemoryOneTimeCodes implements OneTimeCodes {

    private final PortalConfig.Limits limits;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final PortalKey key;
    private final Map<ItemId, CodeState> states = new HashMap<>();

    MemoryOneTimeCodes(PortalConfig.Limits limits, Clock clock, PortalKey key) {
        this.limits = limits;
        this.clock = clock;
        this.key = key;
    }

    @Override
    public synchronized Optional<String> issue(ItemId id) {
        CodeState.Step<Optional<String>> step = state(id).issue(clock.instant(), limits, random, new CodeMac(key, id));
        states.put(id, step.next());
        return step.answer();
    }

    @Override
    public synchronized Check verify(ItemId id, String attempt) {
        CodeState.Step<Check> step = state(id).verify(attempt, clock.instant(), limits, new CodeMac(key, id));
        if (step.next() == null) {
            states.remove(id);
        } else {
            states.put(id, step.next());
        }
        return step.answer();
    }

    @Override
    public synchronized boolean locked(ItemId id) {
        CodeState state = states.get(id);
        return state != null && state.lockedAt(clock.instant());
    }

    @Override
    public synchronized void forgetOld() {
        states.values().removeIf(s -> s.idleAt(clock.instant(), limits));
    }

    /** The item's state as kept, for tests that look at the store as an intruder would. */
    synchronized CodeState stored(ItemId id) {
        return states.get(id);
    }

    private CodeState state(ItemId id) {
        return states.getOrDefault(id, CodeState.fresh(limits));
    }
}
