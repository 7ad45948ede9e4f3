package org.outward.portal;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;

/**
 * One item's code state and the rules that change it, the same for every {@link OneTimeCodes} store: a store
 * reads a state, applies one of these, and writes the result back in one atomic step.
 *
 * @param codeMac     HMAC of the live code under the portal's key ({@link CodeMac}), or null when there is none
 * @param codeExpires when the live code stops working
 * @param triesLeft   wrong tries left before the link locks
 * @param lockedUntil when the lock ends
 * @param windowStart when the current window for counting codes sent began
 * @param codesSent   codes sent in that window ({@link PortalConfig.Limits#codesPerLink()} at most)
 */
public record CodeState(byte[] codeMac, Instant codeExpires, int triesLeft, Instant lockedUntil,
                        Instant windowStart, int codesSent) {

    /** A state together with what the step answered. */
    public record Step<T>(CodeState next, T answer) {
    }

    /** The state of an item nobody has asked a code for yet. */
    public static CodeState fresh(PortalConfig.Limits limits) {
        return new CodeState(null, Instant.MIN, limits.codeTries(), Instant.MIN, Instant.MIN, 0);
    }

    public boolean lockedAt(Instant now) {
        return now.isBefore(lockedUntil);
    }

    /** Whether nothing is left to remember: no live code, no lock, no spent try and no open window. */
    public boolean idleAt(Instant now, PortalConfig.Limits limits) {
        return !now.isBefore(codeExpires) && !lockedAt(now) && triesLeft == limits.codeTries()
                && !windowOpenAt(now, limits);
    }

    private boolean windowOpenAt(Instant now, PortalConfig.Limits limits) {
        return now.isBefore(windowStart.plus(limits.codeWindow()));
    }

    /**
     * A new code, replacing any earlier one; none while locked, nor when the window's codes are all sent (so the
     * recipient's mailbox cannot be flooded).
     */
    public Step<Optional<String>> issue(Instant now, PortalConfig.Limits limits, SecureRandom random, CodeMac mac) {
        if (lockedAt(now)) {
            return new Step<>(this, Optional.empty());
        }
        boolean open = windowOpenAt(now, limits);
        if (open && codesSent >= limits.codesPerLink()) {
            return new Step<>(this, Optional.empty());
        }
        int bound = (int) Math.pow(10, limits.codeDigits());
        String code = String.format("%0" + limits.codeDigits() + "d", random.nextInt(bound));
        return new Step<>(new CodeState(mac.of(code), now.plus(limits.codeLifetime()), triesLeft, lockedUntil,
                open ? windowStart : now, open ? codesSent + 1 : 1), Optional.of(code));
    }

    /** Checks a try. A right code leaves nothing to remember but the codes sent: the next state may be null. */
    public Step<OneTimeCodes.Check> verify(String attempt, Instant now, PortalConfig.Limits limits, CodeMac mac) {
        if (lockedAt(now)) {
            return new Step<>(this, new OneTimeCodes.Check(OneTimeCodes.Outcome.LOCKED, 0));
        }
        String digits = attempt == null ? "" : attempt.replaceAll("[\\s-]", "");
        boolean live = codeMac != null && now.isBefore(codeExpires);
        // Compare even when there is no live code, so that the answer takes the same time either way.
        byte[] tried = mac.of(digits);
        boolean same = MessageDigest.isEqual(tried, live ? codeMac : mac.of("no code"));
        if (live && same && digits.length() == limits.codeDigits()) {
            // The code is used up; the count of codes sent stays until its window ends.
            CodeState next = windowOpenAt(now, limits)
                    ? new CodeState(null, Instant.MIN, limits.codeTries(), Instant.MIN, windowStart, codesSent) : null;
            return new Step<>(next, new OneTimeCodes.Check(OneTimeCodes.Outcome.ACCEPTED, limits.codeTries()));
        }
        int left = triesLeft - 1;
        if (left <= 0) {
            return new Step<>(new CodeState(null, codeExpires, limits.codeTries(), now.plus(limits.lockFor()),
                    windowStart, codesSent), new OneTimeCodes.Check(OneTimeCodes.Outcome.LOCKED, 0));
        }
        return new Step<>(new CodeState(codeMac, codeExpires, left, lockedUntil, windowStart, codesSent),
                new OneTimeCodes.Check(OneTimeCodes.Outcome.WRONG, left));
    }

    @Override
    public String toString() {
        return "CodeState[triesLeft=" + triesLeft + ", lockedUntil=" + lockedUntil + "]";
    }
}
