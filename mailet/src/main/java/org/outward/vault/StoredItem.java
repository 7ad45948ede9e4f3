package org.outward.vault;

/**
 * An item's metadata file: what admins read, plus the values that check tokens without revealing them.
 *
 * @param info           metadata and audit trail
 * @param salt           HKDF salt, random per item
 * @param verifier       HKDF output that proves a link secret right without being the key
 * @param managementHash SHA-256 of the management token's secret
 */
record StoredItem(ItemInfo info, byte[] salt, byte[] verifier, byte[] managementHash) {

    StoredItem with(ItemInfo changed) {
        return new StoredItem(changed, salt, verifier, managementHash);
    }
}
