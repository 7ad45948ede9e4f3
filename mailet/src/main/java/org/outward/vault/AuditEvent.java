package org.outward.vault;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry in an item's audit trail.
 *
 * @param at     when
 * @param kind   what
 * @param detail a short note without secrets or personal data ("recipient", "admin", "sender")
 */
public record AuditEvent(Instant at, AuditKind kind, String detail) {

    public AuditEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        detail = detail == null ? "" : detail.replaceAll("[\\r\\n]", " ");
    }
}
