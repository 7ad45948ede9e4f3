package org.outward.vault;

import java.net.URI;
import java.time.Instant;

/**
 * What {@link Vault#put} hands back: the tokens, which exist nowhere else, and when the link stops working.
 *
 * @param id         the item's name, for audit and admins
 * @param link       the recipient's token
 * @param management the sender's management token
 * @param expires    when the link stops working
 */
public record Deposit(ItemId id, LinkToken link, ManagementToken management, Instant expires) {

    /** The link for the recipient's mail, under the portal's public base URL. */
    public URI linkUrl(URI portalBase) {
        return PortalPaths.link(portalBase, link);
    }

    /** The management link for the sender's confirmation. */
    public URI managementUrl(URI portalBase) {
        return PortalPaths.management(portalBase, management);
    }

    @Override
    public String toString() {
        return "Deposit[id=" + id + ", expires=" + expires + "]";
    }
}
