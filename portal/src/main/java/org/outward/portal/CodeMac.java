package org.outward.portal;

import org.outward.vault.ItemId;

/**
 * The MAC codes of one item are stored as: a {@link CodeState} applies it without knowing the key.
 *
 * @param key  the portal's key
 * @param item the item the codes are for
 */
public record CodeMac(PortalKey key, ItemId item) {

    /** The value stored for this code. */
    public byte[] of(String code) {
        return key.codeMac(item, code);
    }
}
