package org.outward.portal;

import java.io.IOException;
import java.util.Optional;

import org.outward.vault.ItemId;

/**
 * One-time codes per item: random digits, kept only as a hash, single use, valid for a while, and only so many
 * sent per window. Wrong tries count across codes (asking for a new code does not reset them); when they run out
 * the link locks for a while.
 * {@link CodeState} holds the rules; implementations keep the states, in memory for one portal node or in a
 * shared store for several, and apply each change atomically, so the limits hold across threads and nodes.
 */
public interface OneTimeCodes {

    /** What a try came to. */
    enum Outcome { ACCEPTED, WRONG, LOCKED }

    /** A try's outcome and the tries left after it. */
    record Check(Outcome outcome, int triesLeft) {
    }

    /** A new code for the item, replacing any earlier one; empty while the link is locked or enough were sent. */
    Optional<String> issue(ItemId id) throws IOException;

    /** Checks a try; a right code is used up, a wrong one costs a try. */
    Check verify(ItemId id, String attempt) throws IOException;

    /** Whether the link is locked now. */
    boolean locked(ItemId id) throws IOException;

    /** Drops states with nothing left to remember (see {@link CodeState#idleAt}). */
    void forgetOld() throws IOException;
}
