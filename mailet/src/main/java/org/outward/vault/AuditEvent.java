package org.outward.vault;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry in an item's audit trail.
 *
 * @param at     when (the first of them, when the entry stands for several)
 * @param kind   what
 * @param detail a short note without secrets or personal data ("recipient", "admin", "sender")
 * @param times  how many events the entry stands for: 1, or more on the last kept entry of a
 *               {@linkplain AuditKind#repeatable() repeatable} kind, which counts the ones after it
 */
public record AuditEvent(Instant at, AuditKind kind, String detail, int times) {

    public AuditEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        detail = detail == null ? "" : detail.replaceAll("[\\r\\n]", " ");
        if (times < 1) {
            throw new IllegalArgumentException("an entry stands for one event or more");
        }
    }

    /** One event. */
    public AuditEvent(Instant at, AuditKind kind, String detail) {
        this(at, kind, detail, 1);
    }

    /** The same entry standing for one more event. */
    AuditEvent once() {
        return new AuditEvent(at, kind, detail, times + 1);
    }
}
