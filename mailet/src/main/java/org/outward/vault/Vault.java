package org.outward.vault;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * The encrypted store behind secure links. Each item is one file for one recipient, encrypted under a key that
 * only its {@link LinkToken} can rebuild, so the store alone never reveals an attachment.
 *
 * <p>Every lookup by token answers {@link Optional#empty()} alike for an unknown, wrong, expired, revoked,
 * purged or used-up link: callers cannot tell these apart and so cannot leak which one it was. Admin calls by
 * {@link ItemId} see every item in any state, but never its content.
 *
 * <p>Implementations are thread-safe.
 */
public interface Vault {

    /**
     * Stores one file for one recipient. The item is servable only once this returns; the returned tokens exist
     * nowhere else, so the caller must put them in the recipient's and sender's mail.
     */
    Deposit put(NewItem item, InputStream content) throws IOException;

    /** The item this link opens, if it can be downloaded now (metadata only, for the link page). */
    Optional<ItemInfo> describe(LinkToken link) throws IOException;

    /**
     * Counts one download against the limit, records it, and returns the content, decrypted as it is read.
     * Empty when the link cannot be used now, including when the limit is reached.
     */
    Optional<Download> download(LinkToken link) throws IOException;

    /** The item a sender's management token belongs to, in any state, with its audit trail. */
    Optional<ItemInfo> manage(ManagementToken management) throws IOException;

    /** Adds an event to an item's audit trail; the detail must hold no secret and no personal data. */
    void record(ItemId id, AuditKind kind, String detail) throws IOException;

    /** Revokes an item and deletes its content at once; false when there is no such item. */
    boolean revoke(ItemId id, String by) throws IOException;

    /** Deletes the content of every expired, revoked or used-up item, keeping its metadata and audit trail. */
    int purgeExpired() throws IOException;

    /** Every item, newest first, for admins. */
    List<ItemInfo> list() throws IOException;

    /** One item for admins. */
    Optional<ItemInfo> find(ItemId id) throws IOException;

    /**
     * Throws when the store cannot be used now (its folder gone or read-only, its database or bucket unreachable):
     * the health endpoints ask this. Reads and writes nothing an item holds.
     */
    void checkReachable() throws IOException;
}
