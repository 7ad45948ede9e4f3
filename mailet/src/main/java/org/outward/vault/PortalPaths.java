package org.outward.vault;

import java.net.URI;

/** The portal's link paths, in one place so the mail side and the portal cannot drift apart. */
public final class PortalPaths {

    /** Path prefix of a recipient's link. */
    public static final String LINK_PREFIX = "/l/";
    /** Path prefix of a sender's management link. */
    public static final String MANAGEMENT_PREFIX = "/m/";
    /** Path prefix of a sender's link to report a notice as wrong. */
    public static final String REPORT_PREFIX = "/r/";

    private PortalPaths() {
    }

    /** The recipient's link under the portal's public base URL. */
    public static URI link(URI portalBase, LinkToken token) {
        return URI.create(trimmed(portalBase) + LINK_PREFIX + token.encoded());
    }

    /** The sender's management link under the portal's public base URL. */
    public static URI management(URI portalBase, ManagementToken token) {
        return URI.create(trimmed(portalBase) + MANAGEMENT_PREFIX + token.encoded());
    }

    /** A notice's report link under the portal's public base URL, from the report token's encoded text. */
    public static URI report(URI portalBase, String encodedToken) {
        return URI.create(trimmed(portalBase) + REPORT_PREFIX + encodedToken);
    }

    private static String trimmed(URI base) {
        String text = base.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
