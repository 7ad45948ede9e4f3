package org.outward.vault;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the wrap mailet knows about a file it takes out of a message for one recipient.
 *
 * @param sender       envelope sender, shown to the recipient on the link page
 * @param recipient    the one address the link is for; the one-time code goes there
 * @param fileName     the attachment's file name as the sender gave it
 * @param mediaType    the attachment's true type, served as the download's Content-Type
 * @param lifetime     how long the link works (the policy's expiry, 7 days by default)
 * @param maxDownloads how many downloads the link allows
 */
public record NewItem(String sender, String recipient, String fileName, String mediaType, Duration lifetime,
                      int maxDownloads) {

    /** The default link lifetime when the policy says nothing. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofDays(7);
    /** The default download limit. */
    public static final int DEFAULT_MAX_DOWNLOADS = 5;

    public NewItem {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(lifetime, "lifetime");
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("lifetime must be positive");
        }
        if (maxDownloads < 1) {
            throw new IllegalArgumentException("maxDownloads must be at least 1");
        }
        if (recipient.isBlank()) {
            throw new IllegalArgumentException("recipient must not be blank");
        }
    }

    /** The metadata of this item once stored under {@code id} at {@code now}: no download yet, one audit event. */
    public ItemInfo storedAt(ItemId id, long size, Instant now) {
        return new ItemInfo(id, sender, recipient, fileName, size, mediaType, now, now.plus(lifetime), 0, maxDownloads,
                false, false, List.of(new AuditEvent(now, AuditKind.CREATED, "stored")));
    }

    /** An item with the default lifetime and download limit. */
    public static NewItem withDefaults(String sender, String recipient, String fileName, String mediaType) {
        return new NewItem(sender, recipient, fileName, mediaType, DEFAULT_LIFETIME, DEFAULT_MAX_DOWNLOADS);
    }
}
