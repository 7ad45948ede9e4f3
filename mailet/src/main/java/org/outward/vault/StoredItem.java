package org.outward.vault;

/**
 * An item's metadata file: what admins read, plus the values that check tokens without revealing them.
 *
 * <p>Salt and verifier are all the store keeps that, with a link, derives the content key; the purge deletes them
 * with the content ({@link #shredded()}), so a backup of the content opens with no link afterwards. The management
 * hash stays: it opens the audit trail to the sender, never the content.
 *
 * @param info           metadata and audit trail
 * @param salt           HKDF salt, random per item; empty once shredded
 * @param verifier       HKDF output that proves a link secret right without being the key; empty once shredded
 * @param managementHash SHA-256 of the management token's secret
 */
record StoredItem(ItemInfo info, byte[] salt, byte[] verifier, byte[] managementHash) {

    StoredItem with(ItemInfo changed) {
        return new StoredItem(changed, salt, verifier, managementHash);
    }

    /** The same item without the key material a link could open its content with. */
    StoredItem shredded() {
        return new StoredItem(info, new byte[0], new byte[0], managementHash);
    }

    /** Whether the key material is still here. */
    boolean hasKeys() {
        return salt.length > 0 && verifier.length > 0;
    }
}
