package org.outward.james.configuration;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

import javax.mail.MessagingException;

import org.apache.mailet.MailetConfig;
import org.outward.shared.VaultSetting;

/**
 * The {@code NotifySender} mailet's parameters.
 *
 * @param templates a folder of notice templates laid out as {@code policies/notices}; empty: the built-in ones
 * @param vault     where report tickets are filed (as {@code Wrap}'s vault); with {@code portalUrl}, each notice
 *                  carries a "Report this notice as wrong" link; empty: no such link
 * @param portalUrl the portal's public address, which report links point at; present exactly when {@code vault} is
 */
public record NotifySenderConfiguration(Optional<Path> templates, Optional<VaultSetting> vault,
                                        Optional<URI> portalUrl) {

    public static final String TEMPLATES = "templates";
    public static final String VAULT = WrapConfiguration.VAULT;
    public static final String PORTAL_URL = WrapConfiguration.PORTAL_URL;

    public static NotifySenderConfiguration from(MailetConfig config) throws MessagingException {
        InitParameters parameters = InitParameters.of("NotifySender", config, Set.of(TEMPLATES, VAULT, PORTAL_URL));
        String where = parameters.text(VAULT, "");
        String url = parameters.text(PORTAL_URL, "");
        if (where.isEmpty() != url.isEmpty()) {
            throw parameters.problem("report links need both <" + VAULT + "> and <" + PORTAL_URL + ">");
        }
        if (where.isEmpty()) {
            return new NotifySenderConfiguration(parameters.folder(TEMPLATES), Optional.empty(), Optional.empty());
        }
        return new NotifySenderConfiguration(parameters.folder(TEMPLATES), Optional.of(parameters.vault(where)),
                Optional.of(parameters.webAddress(PORTAL_URL, url)));
    }
}
