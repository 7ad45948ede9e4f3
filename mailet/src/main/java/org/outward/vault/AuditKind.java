package org.outward.vault;

/** What happened to an item. */
public enum AuditKind {
    CREATED, VIEWED, CODE_SENT, CODE_WRONG, CODE_ACCEPTED, LOCKED, DOWNLOADED, REVOKED, PURGED
}
