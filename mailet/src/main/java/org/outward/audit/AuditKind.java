package org.outward.audit;

import java.util.Locale;
import java.util.Optional;

/**
 * What an audit event records. The gateway's own: {@link #DECISION} (a message judged), {@link #EXPIRED} (held
 * mail deleted at the end of its retention), {@link #DISCARDED} (held mail an admin deleted, ended by the gateway,
 * with whether its sender was told) and {@link #RELEASED} (held mail an admin released, sent on by the gateway,
 * through the console or straight through WebAdmin). An admin's: signing in, releasing or deleting held mail, revoking or
 * purging secure links, and a change of the policy in force ({@link #POLICY_CHANGE}, which the gateway also writes
 * when it loads an edited policy file). A sender's: {@link #REPORT}, a notice reported as wrong; an admin who
 * decides it was right writes {@link #REPORT_DISMISSED}, one who turns it into a policy exception a
 * {@link #POLICY_CHANGE} naming the report. {@link #EXPORT}: an admin or DPO took figures that name people out of
 * the console as a file (the statistics CSV lists senders).
 */
public enum AuditKind {
    DECISION,
    EXPIRED,
    SIGN_IN,
    RELEASE,
    DELETE,
    REVOKE,
    PURGE,
    POLICY_CHANGE,
    DISCARDED,
    RELEASED,
    REPORT,
    REPORT_DISMISSED,
    EXPORT;

    /** The word in the line's {@code event} field, e.g. {@code policy-change}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The kind a word names. */
    public static Optional<AuditKind> fromWord(String word) {
        for (AuditKind kind : values()) {
            if (kind.word().equals(word)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
