/**
 * The secure-link vault: where the {@code wrap} action keeps an attachment it took out of a message, encrypted
 * under a key that only the recipient's link can rebuild.
 *
 * <p>How the wrap mailet uses it, once per recipient and attachment:
 * <pre>
 * Vault vault = new LocalDiskVault(Path.of(vaultFolder), Clock.systemUTC());   // once, in init()
 *
 * Deposit deposit = vault.put(
 *         new NewItem(sender, recipient, fileName, mediaType, policyExpiry, NewItem.DEFAULT_MAX_DOWNLOADS),
 *         part.getInputStream());
 * URI link = deposit.linkUrl(portalBase);               // goes into the recipient's notice part
 * URI manage = deposit.managementUrl(portalBase);       // goes into the sender's confirmation
 * Instant expires = deposit.expires();
 * </pre>
 *
 * <p>The tokens exist only in the returned {@link org.outward.vault.Deposit}: the store keeps hashes. The purge
 * deletes an item's salt and verifier with its content, so with the old link nothing left derives its key. If the
 * message is then lost before it is sent, the item is unreachable and is purged when it expires. Never log a
 * deposit's URLs; {@code toString()} of the tokens is redacted for that reason.
 *
 * <p>{@link org.outward.vault.LocalDiskVault} is the vault of one node. Several nodes share one kept in
 * PostgreSQL and an S3-compatible store ({@code outward-backends}); both make, check and open items through
 * {@link org.outward.vault.ItemSeal}, so they keep the same format and the same promises, and both pass the same
 * contract tests ({@code VaultContract}). The wrap mailet and the portal pick one by a setting
 * ({@link org.outward.shared.VaultSetting}).
 */
package org.outward.vault;
