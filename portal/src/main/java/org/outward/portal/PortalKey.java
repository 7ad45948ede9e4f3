package org.outward.portal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.outward.installation.KeyFile;
import org.outward.vault.ItemId;

/**
 * The portal's own secret: one-time codes are kept only as an HMAC under it, so a copy of the code store (a
 * database dump, a backup, read access to the table) cannot be turned back into codes by trying all 10^8 of them.
 * It is not the gateway's installation key: the portal runs with the vault and this key only.
 *
 * <p>It lives in a file (mode 600) rather than in the shared database, since a key kept beside the MACs it protects
 * would protect nothing from whoever reads that database. Every portal node behind one address must hold the same
 * file; the shared state keeps only {@link #fingerprint()} so that a node with another key refuses to start.
 */
public final class PortalKey {

    private static final String HMAC = "HmacSHA256";

    private final byte[] key;

    private PortalKey(byte[] key) {
        if (key.length != KeyFile.KEY_BYTES) {
            throw new IllegalArgumentException("a portal key has " + KeyFile.KEY_BYTES + " bytes");
        }
        this.key = key.clone();
    }

    /** The key in this file, made (0600) if it does not exist yet. */
    public static PortalKey loadOrCreate(Path file) throws IOException {
        return new PortalKey(KeyFile.loadOrCreate(file, "portal key"));
    }

    /** A fresh key known to this process only: enough for one node whose codes live in its memory. */
    public static PortalKey random() {
        byte[] bytes = new byte[KeyFile.KEY_BYTES];
        new SecureRandom().nextBytes(bytes);
        return new PortalKey(bytes);
    }

    /** A key from given bytes, for tests. */
    public static PortalKey of(byte[] key) {
        return new PortalKey(key);
    }

    /**
     * What is stored for a code issued for this item. The item id is in the MAC, so a stored value is worth nothing
     * for another item; an item is made for exactly one recipient, so it names the recipient too.
     */
    public byte[] codeMac(ItemId item, String code) {
        return hmac("outward-portal-code-v1", item.hex() + "\0" + code);
    }

    /** A value that tells whether two nodes hold the same key and reveals nothing of it. */
    public byte[] fingerprint() {
        return hmac("outward-portal-key-fingerprint-v1", "");
    }

    private byte[] hmac(String purpose, String value) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            mac.update(purpose.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) 0);
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK always has " + HMAC, e);
        }
    }

    @Override
    public String toString() {
        return "PortalKey[not shown]";
    }
}
