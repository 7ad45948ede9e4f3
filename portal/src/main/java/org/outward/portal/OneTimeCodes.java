package org.outward.portal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.outward.vault.ItemId;

/**
 * One-time codes per item: random digits, kept only as a hash, single use, valid for a while. Wrong tries count
 * across codes (asking for a new code does not reset them); when they run out the link locks for a while.
 */
final class OneTimeCodes {

    /** What a try came to. */
    enum Outcome { ACCEPTED, WRONG, LOCKED }

    /** A try's outcome and the tries left after it. */
    record Check(Outcome outcome, int triesLeft) {
    }

    private static final class State {
        byte[] codeHash;
        Instant codeExpires = Instant.MIN;
        int triesLeft;
        Instant lockedUntil = Instant.MIN;
    }

    private final PortalConfig.Limits limits;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<ItemId, State> states = new HashMap<>();

    OneTimeCodes(PortalConfig.Limits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** A new code for the item, replacing any earlier one; empty while the link is locked. */
    synchronized Optional<String> issue(ItemId id) {
        State state = state(id);
        Instant now = clock.instant();
        if (now.isBefore(state.lockedUntil)) {
            return Optional.empty();
        }
        int bound = (int) Math.pow(10, limits.codeDigits());
        String code = String.format("%0" + limits.codeDigits() + "d", random.nextInt(bound));
        state.codeHash = hash(code);
        state.codeExpires = now.plus(limits.codeLifetime());
        return Optional.of(code);
    }

    /** Checks a try; a right code is used up, a wrong one costs a try. */
    synchronized Check verify(ItemId id, String attempt) {
        State state = state(id);
        Instant now = clock.instant();
        if (now.isBefore(state.lockedUntil)) {
            return new Check(Outcome.LOCKED, 0);
        }
        String digits = attempt == null ? "" : attempt.replaceAll("[\\s-]", "");
        boolean live = state.codeHash != null && now.isBefore(state.codeExpires);
        // Compare even when there is no live code, so that the answer takes the same time either way.
        boolean same = MessageDigest.isEqual(hash(digits), live ? state.codeHash : hash("no code"));
        if (live && same && digits.length() == limits.codeDigits()) {
            states.remove(id);
            return new Check(Outcome.ACCEPTED, limits.codeTries());
        }
        state.triesLeft--;
        if (state.triesLeft <= 0) {
            state.lockedUntil = now.plus(limits.lockFor());
            state.triesLeft = limits.codeTries();
            state.codeHash = null;
            return new Check(Outcome.LOCKED, 0);
        }
        return new Check(Outcome.WRONG, state.triesLeft);
    }

    synchronized boolean locked(ItemId id) {
        State state = states.get(id);
        return state != null && clock.instant().isBefore(state.lockedUntil);
    }

    /** Drops states with neither a live code nor a lock. */
    synchronized void forgetOld() {
        Instant now = clock.instant();
        states.values().removeIf(s -> !now.isBefore(s.codeExpires) && !now.isBefore(s.lockedUntil)
                && s.triesLeft == limits.codeTries());
    }

    private State state(ItemId id) {
        return states.computeIfAbsent(id, k -> {
            State fresh = new State();
            fresh.triesLeft = limits.codeTries();
            return fresh;
        });
    }

    private static byte[] hash(String code) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
