package org.outward.james.configuration;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

import javax.mail.MessagingException;

import org.apache.mailet.MailetConfig;
import org.outward.shared.VaultSetting;

/**
 * The {@code Wrap} mailet's parameters.
 *
 * @param vault where attachments are stored for the portal
 * @param portalUrl the portal's public address, which the links point at
 * @param templates a folder of secure-link notice templates; empty: the built-in ones
 * @param failureProcessor where mail goes that could not be wrapped
 * @param verdictHeader the header the inspection stamps its verdict in
 */
public record WrapConfiguration(VaultSetting vault, URI portalUrl, Optional<Path> templates, String failureProcessor,
                                String verdictHeader) {

    /** {@code local:<folder>} or {@link VaultSetting#SHARED}. */
    public static final String VAULT = "vault";
    /** The older name of {@link #VAULT}, still read when {@code vault} is absent. */
    public static final String VAULT_FOLDER = "vaultFolder";
    public static final String PORTAL_URL = "portalUrl";
    public static final String TEMPLATES = "templates";
    public static final String FAILURE_PROCESSOR = "failureProcessor";
    public static final String VERDICT_HEADER = InspectConfiguration.VERDICT_HEADER;

    private static final Set<String> NAMES = Set.of(VAULT, VAULT_FOLDER, PORTAL_URL, TEMPLATES, FAILURE_PROCESSOR,
            VERDICT_HEADER);

    public static WrapConfiguration from(MailetConfig config) throws MessagingException {
        InitParameters parameters = InitParameters.of("Wrap", config, NAMES);
        String where = parameters.text(VAULT, parameters.text(VAULT_FOLDER, ""));
        String url = parameters.text(PORTAL_URL, "");
        if (where.isEmpty() || url.isEmpty()) {
            throw parameters.problem("<" + VAULT + "> and <" + PORTAL_URL + "> are required");
        }
        VaultSetting vault = parameters.vault(where);
        URI portalUrl = parameters.webAddress(PORTAL_URL, url);
        return new WrapConfiguration(vault, portalUrl, parameters.folder(TEMPLATES),
                parameters.text(FAILURE_PROCESSOR, "outward-quarantine"),
                parameters.text(VERDICT_HEADER, InspectConfiguration.DEFAULT_VERDICT_HEADER));
    }
}
