package org.outward.vault;

import java.time.Instant;
import java.util.List;

import org.outward.display.BidiControls;

/**
 * An item's metadata and audit trail as the store keeps them. Sender, recipient and file name are personal
 * data: show them to the people entitled to them, never log them.
 *
 * @param id           the item's name
 * @param sender       envelope sender
 * @param recipient    the address the link was made for
 * @param fileName     the attachment's name
 * @param size         plaintext size in bytes
 * @param mediaType    the attachment's type
 * @param created      when it was stored
 * @param expires      when the link stops working
 * @param downloads    downloads so far
 * @param maxDownloads download limit
 * @param revoked      whether the sender or an admin revoked it
 * @param purged       whether its content has been deleted
 * @param events       the audit trail, oldest first
 */
public record ItemInfo(ItemId id, String sender, String recipient, String fileName, long size, String mediaType,
                       Instant created, Instant expires, int downloads, int maxDownloads, boolean revoked,
                       boolean purged, List<AuditEvent> events) {

    public ItemInfo {
        events = List.copyOf(events);
        // Every page, header and notice that names the file shows it from here: no character may reorder it.
        fileName = BidiControls.strip(fileName);
    }

    /** Whether a link to this item may be used at this moment. */
    public boolean servableAt(Instant now) {
        return !revoked && !purged && now.isBefore(expires) && downloads < maxDownloads;
    }

    /** Whether its content is due for deletion at this moment. */
    public boolean purgeDueAt(Instant now) {
        return !purged && (revoked || !now.isBefore(expires) || downloads >= maxDownloads);
    }

    /** The state in one word, for admins and the sender's page. */
    public String stateAt(Instant now) {
        if (revoked) {
            return "revoked";
        }
        if (purged || !now.isBefore(expires)) {
            return "expired";
        }
        return downloads >= maxDownloads ? "used up" : "active";
    }

    /** The same item with one more download and one more event. */
    ItemInfo withDownload(Instant at, String detail) {
        return new ItemInfo(id, sender, recipient, fileName, size, mediaType, created, expires, downloads + 1,
                maxDownloads, revoked, purged, append(new AuditEvent(at, AuditKind.DOWNLOADED, detail)));
    }

    /** The same item with one more event; of a repeatable kind, counted on the last kept one if enough are kept. */
    ItemInfo withEvent(AuditEvent event) {
        return new ItemInfo(id, sender, recipient, fileName, size, mediaType, created, expires, downloads,
                maxDownloads, revoked, purged, event.kind().repeatable() ? coalesce(event) : append(event));
    }

    private List<AuditEvent> coalesce(AuditEvent event) {
        int kept = 0;
        int last = -1;
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).kind() == event.kind()) {
                kept++;
                last = i;
            }
        }
        if (kept < AuditKind.KEPT_PER_KIND) {
            return append(event);
        }
        var all = new java.util.ArrayList<>(events);
        all.set(last, all.get(last).once());
        return all;
    }

    ItemInfo revokedAt(Instant at, String by) {
        return new ItemInfo(id, sender, recipient, fileName, size, mediaType, created, expires, downloads,
                maxDownloads, true, purged, append(new AuditEvent(at, AuditKind.REVOKED, by)));
    }

    ItemInfo purgedAt(Instant at) {
        return new ItemInfo(id, sender, recipient, fileName, size, mediaType, created, expires, downloads,
                maxDownloads, revoked, true, append(new AuditEvent(at, AuditKind.PURGED, "content deleted")));
    }

    private List<AuditEvent> append(AuditEvent event) {
        var all = new java.util.ArrayList<>(events);
        all.add(event);
        return all;
    }
}
