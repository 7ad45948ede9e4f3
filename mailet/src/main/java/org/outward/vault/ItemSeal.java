package org.outward.vault;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;

/**
 * The cryptography of one vault item, apart from where it is stored: every {@link Vault} (local folder or shared
 * backends) makes, checks and opens items through this, so they all keep the same format and the same promise
 * (the store alone never reveals an attachment).
 *
 * <p>A new seal holds the item's fresh tokens and keys; a store keeps only {@link #salt()}, {@link #verifier()},
 * {@link #managementHash()} and the sealed bytes. Checking and opening need the recipient's link.
 */
public final class ItemSeal {

    private final LinkToken link;
    private final ManagementToken management;
    private final byte[] salt;
    private final ItemKeys keys;
    private final byte[] prefix;

    private ItemSeal(LinkToken link, ManagementToken management, byte[] salt, ItemKeys keys, byte[] prefix) {
        this.link = link;
        this.management = management;
        this.salt = salt;
        this.keys = keys;
        this.prefix = prefix;
    }

    /** Fresh tokens, salt and keys for a new item. */
    public static ItemSeal create(SecureRandom random) {
        LinkToken link = LinkToken.random(random);
        ItemId id = link.itemId();
        byte[] salt = new byte[32];
        random.nextBytes(salt);
        ItemKeys keys = ItemKeys.derive(link.secret(), salt, id);
        ManagementToken management = ManagementToken.random(id, random);
        byte[] prefix = new byte[SegmentFormat.PREFIX_BYTES];
        random.nextBytes(prefix);
        return new ItemSeal(link, management, salt, keys, prefix);
    }

    /** The new item's name. */
    public ItemId id() {
        return link.itemId();
    }

    /** The per-item HKDF salt the store keeps. */
    public byte[] salt() {
        return salt.clone();
    }

    /** What the store keeps to tell a right link secret from a wrong one. */
    public byte[] verifier() {
        return keys.verifier().clone();
    }

    /** What the store keeps to check the sender's management token. */
    public byte[] managementHash() {
        return management.secretHash();
    }

    /**
     * Encrypts the plaintext into {@code sealed} and returns the number of plaintext bytes. Does not close
     * {@code sealed}: its owner still has to make it durable.
     */
    public long seal(InputStream plaintext, OutputStream sealed) throws IOException {
        SealingOutputStream sealing = new SealingOutputStream(sealed, keys.contentKey(), prefix, id().bytes());
        plaintext.transferTo(sealing);
        sealing.finish();
        return sealing.plaintextBytes();
    }

    /** What the caller hands on: the tokens, which exist nowhere else. */
    public Deposit deposit(Instant expires) {
        return new Deposit(id(), link, management, expires);
    }

    /**
     * Whether this link's secret is the one the item was sealed for; never for an item whose salt and verifier
     * the purge deleted (a store keeps them empty then: they are the only stored values that, with the link,
     * derive the content key, so they go with the content).
     */
    public static boolean opens(LinkToken link, byte[] salt, byte[] verifier) {
        if (salt.length == 0 || verifier.length == 0) {
            return false;
        }
        return ItemKeys.derive(link.secret(), salt, link.itemId()).matches(verifier);
    }

    /** The plaintext of an item's sealed bytes, decrypted and authenticated as it is read. */
    public static InputStream open(LinkToken link, byte[] salt, InputStream sealed) throws IOException {
        return open(link, salt, sealed, () -> false);
    }

    /**
     * The plaintext of an item's sealed bytes, decrypted and authenticated as it is read; reading fails once
     * {@code revocation} says the item was revoked (it is asked every mebibyte or so).
     */
    public static InputStream open(LinkToken link, byte[] salt, InputStream sealed, Revocation revocation)
            throws IOException {
        ItemKeys keys = ItemKeys.derive(link.secret(), salt, link.itemId());
        return new OpeningInputStream(sealed, keys.contentKey(), link.itemId().bytes(), revocation);
    }

    /** Whether the management token is the item's, compared in constant time. */
    public static boolean manages(ManagementToken token, byte[] managementHash) {
        return MessageDigest.isEqual(managementHash, token.secretHash());
    }

    @Override
    public String toString() {
        return "ItemSeal[id=" + id() + "]";
    }
}
