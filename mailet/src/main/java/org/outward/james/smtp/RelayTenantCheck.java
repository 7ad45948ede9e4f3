package org.outward.james.smtp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import org.apache.commons.configuration2.Configuration;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.apache.james.smtpserver.JamesMessageHook;
import org.apache.mailet.Mail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds relaying to the party's own mail tenant. Relaying for a network ({@code authorizedAddresses}) trusts every
 * customer of a cloud provider whose sending ranges are listed; this hook refuses, at the end of DATA, mail relayed
 * for a network that does not also carry what only the party's tenant adds:
 * <ul>
 *   <li>a header with a secret value ({@code secretHeader}, value in {@code secretFile}), which a Microsoft 365
 *       transport rule or a Google Workspace routing setting of the party's adds to its outbound mail; compared in
 *       constant time, and removed from every message, whatever its session, before anything is stored or sent;</li>
 *   <li>and/or, for Microsoft 365, the tenant ID that Exchange Online stamps on the mail it sends
 *       ({@value #MICROSOFT_TENANT_HEADER}): every such header must name one of {@code microsoftTenantIds}.</li>
 * </ul>
 * Mail from a sender who logged in (SMTP AUTH) is not checked: the login binds it. Refused mail gets {@code 554
 * 5.7.1} and is not accepted, so nothing of it is kept.
 *
 * <pre>{@code
 * <handlerchain>
 *   <handler class="org.outward.james.smtp.RelayTenantCheck">
 *     <secretHeader>X-Outward-Tenant-Secret</secretHeader>
 *     <secretFile>/run/secrets/outward-tenant-secret</secretFile>
 *     <microsoftTenantIds>00000000-0000-0000-0000-000000000000</microsoftTenantIds>
 *   </handler>
 *   <handler class="org.apache.james.smtpserver.CoreCmdHandlerLoader"/>
 * </handlerchain>
 * }</pre>
 *
 * <p>Parameters (at least one of the secret and the tenant IDs):
 * <ul>
 *   <li>{@code secretHeader}: the header's name; default {@value #DEFAULT_SECRET_HEADER}.</li>
 *   <li>{@code secretFile}: a file holding the secret value (its first line; 24 characters or more).</li>
 *   <li>{@code microsoftTenantIds}: the party's Microsoft 365 tenant IDs (GUIDs), comma-separated.</li>
 * </ul>
 */
public class RelayTenantCheck implements JamesMessageHook {

    public static final String DEFAULT_SECRET_HEADER = "X-Outward-Tenant-Secret";
    public static final String MICROSOFT_TENANT_HEADER = "X-MS-Exchange-CrossTenant-Id";

    private static final Logger LOG = LoggerFactory.getLogger(RelayTenantCheck.class);
    private static final int MIN_SECRET_CHARS = 24;
    private static final HookResult REFUSED = HookResult.builder().hookReturnCode(HookReturnCode.deny())
            .smtpReturnCode("554").smtpDescription("5.7.1 Relaying denied: this gateway relays only for its own "
                    + "organisation's mail service").build();

    private String secretHeader;
    private Optional<byte[]> secretDigest;
    private List<String> tenantIds;

    @Override
    public void init(Configuration config) throws ConfigurationException {
        secretHeader = config.getString("secretHeader", DEFAULT_SECRET_HEADER).trim();
        if (!secretHeader.matches("[A-Za-z0-9-]+")) {
            throw new ConfigurationException("RelayTenantCheck: secretHeader must be a header name");
        }
        String file = config.getString("secretFile", "").trim();
        secretDigest = file.isEmpty() ? Optional.empty() : Optional.of(digest(readSecret(Path.of(file))));
        tenantIds = Arrays.stream(config.getString("microsoftTenantIds", "").split(","))
                .map(id -> id.trim().toLowerCase(Locale.ROOT)).filter(id -> !id.isEmpty()).toList();
        for (String id : tenantIds) {
            if (!id.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
                throw new ConfigurationException("RelayTenantCheck: microsoftTenantIds must be GUIDs, e.g. "
                        + "72f988bf-86f1-41af-91ab-2d7cd011db47");
            }
        }
        if (secretDigest.isEmpty() && tenantIds.isEmpty()) {
            throw new ConfigurationException("RelayTenantCheck needs <secretFile>, <microsoftTenantIds> or both");
        }
    }

    private static String readSecret(Path file) throws ConfigurationException {
        String secret;
        try {
            secret = Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("").strip();
        } catch (IOException e) {
            throw new ConfigurationException("RelayTenantCheck: cannot read secretFile " + file + " ("
                    + e.getClass().getSimpleName() + ")");
        }
        if (secret.length() < MIN_SECRET_CHARS) {
            throw new ConfigurationException("RelayTenantCheck: the secret in " + file + " must have at least "
                    + MIN_SECRET_CHARS + " characters (e.g. openssl rand -base64 32)");
        }
        return secret;
    }

    @Override
    public HookResult onMessage(SMTPSession session, Mail mail) {
        try {
            MimeMessage message = mail.getMessage();
            String[] offered = message.getHeader(secretHeader);
            String[] tenants = message.getHeader(MICROSOFT_TENANT_HEADER);
            // Never passed on: the secret would reach every recipient, and a held copy would show it to admins.
            if (offered != null) {
                message.removeHeader(secretHeader);
            }
            if (session.getUsername() != null) {
                return HookResult.DECLINED;
            }
            boolean secretHolds = secretDigest.isEmpty() || (offered != null && offered.length == 1
                    && MessageDigest.isEqual(digest(offered[0].strip()), secretDigest.get()));
            boolean tenantHolds = tenantIds.isEmpty() || (tenants != null && Arrays.stream(tenants)
                    .allMatch(t -> tenantIds.contains(t.strip().toLowerCase(Locale.ROOT))));
            if (secretHolds && tenantHolds) {
                return HookResult.DECLINED;
            }
            LOG.warn("Relaying refused for a message from {}: {}", session.getRemoteAddress().getAddress()
                    .getHostAddress(), secretHolds ? "not the party's Microsoft 365 tenant" : "no tenant secret");
            return REFUSED;
        } catch (MessagingException e) {
            LOG.warn("Relaying refused: the message's headers could not be read ({})", e.getClass().getSimpleName());
            return REFUSED;
        }
    }

    private static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
