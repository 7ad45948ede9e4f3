package org.outward.vault;

/** What happened to an item. */
public enum AuditKind {
    CREATED, VIEWED, CODE_SENT, CODE_WRONG, CODE_ACCEPTED, LOCKED, DOWNLOADED, REVOKED, PURGED;

    /** How many events of a repeatable kind an item's trail keeps one by one; later ones are counted on the last. */
    public static final int KEPT_PER_KIND = 10;

    /**
     * Whether anyone holding the link can cause this as often as they like (page views, codes asked for and
     * tried). The trail keeps the first {@link #KEPT_PER_KIND} of such a kind and counts the rest, so a link holder
     * cannot grow it without bound. The others happen once per item, or at most once per allowed download, and
     * are always kept.
     */
    public boolean repeatable() {
        return switch (this) {
            case VIEWED, CODE_SENT, CODE_WRONG, CODE_ACCEPTED, LOCKED -> true;
            case CREATED, DOWNLOADED, REVOKED, PURGED -> false;
        };
    }
}
