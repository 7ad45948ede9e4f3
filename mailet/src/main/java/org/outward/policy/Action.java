package org.outward.policy;

import java.util.Locale;

/**
 * What the gateway does with a message for one recipient. Declared from mildest to strictest: when several
 * rules fire for a recipient, the strictest action wins.
 *
 * <p>{@link #BLOCK} ranks above {@link #QUARANTINE}: a block is a definite refusal the sender can act on at
 * once (the notice says what to do), while a quarantine waits for an admin who may release the message.
 */
public enum Action {
    /** Deliver as it is. */
    PASS,
    /** Deliver, add headers naming the verdict and rules, log the findings (redacted). */
    MONITOR,
    /** Deliver, and send the sender a notice that teaches the safe way. */
    WARN,
    /** Take the risky attachments out and give the recipient a secure link instead. */
    WRAP,
    /** Hold for an admin to release or delete. */
    QUARANTINE,
    /** Do not deliver; keep the original in quarantine and tell the sender what to do. */
    BLOCK;

    /** The word used in the policy file and in headers. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The action a word names, e.g. {@code block}; {@link #PASS} for a word that names none. */
    public static Action fromWord(String word) {
        for (Action action : values()) {
            if (action.word().equals(word)) {
                return action;
            }
        }
        return PASS;
    }

    public boolean isStricterThan(Action other) {
        return compareTo(other) > 0;
    }

    public boolean delivers() {
        return this == PASS || this == MONITOR || this == WARN || this == WRAP;
    }
}
