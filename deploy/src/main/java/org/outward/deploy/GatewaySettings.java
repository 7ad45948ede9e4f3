package org.outward.deploy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the launcher was asked for: ports, the configuration folder, where James keeps its working files,
 * and where outbound mail goes.
 *
 * @param smtpPort      SMTP submission port; 0 lets the operating system choose a free one
 * @param webAdminPort  WebAdmin port on 127.0.0.1; 0 lets the operating system choose
 * @param configFolder  a James configuration folder to use; empty means the built-in one
 * @param workFolder    James's working directory; the configuration actually used is written to its {@code conf/}
 * @param outbound      where judged mail goes
 * @param policyFile    the policy file the inspection mailet uses; empty means the default policy
 * @param inspection    false only to measure plain James: the {@code outward} processor then hands mail
 *                      straight on, unjudged. Never offered on the command line.
 * @param portalUrl     the portal's public base URL, which secure links in wrapped mail start with
 * @param sharedBackends whether the vault and the correlation state live in the shared backends (PostgreSQL and
 *                      S3, for several nodes; settings from the environment) instead of the work folder
 * @param portalSubmissionPort the port, on 127.0.0.1, of the listener on which the portal submits its own mail
 *                      (one-time codes, download notices) after logging in; 0 lets the launcher choose a free one
 * @param delayNoticeAfter how long outbound mail waits for the next server before its sender is told, once
 */
public record GatewaySettings(int smtpPort, int webAdminPort, Optional<Path> configFolder, Path workFolder,
                              OutboundRoute outbound, Optional<Path> policyFile, boolean inspection, URI portalUrl,
                              boolean sharedBackends, int portalSubmissionPort, Duration delayNoticeAfter) {

    /** The try-out portal's address, as the portal module's default. */
    public static final URI DEFAULT_PORTAL_URL = URI.create("http://localhost:8080");

    public static final int DEFAULT_SMTP_PORT = 2525;
    public static final int DEFAULT_WEBADMIN_PORT = 8000;
    public static final int DEFAULT_PORTAL_SUBMISSION_PORT = 2526;
    public static final Duration DEFAULT_DELAY_NOTICE_AFTER = Duration.ofHours(4);

    public GatewaySettings {
        checkPort("SMTP", smtpPort);
        checkPort("WebAdmin", webAdminPort);
        checkPort("portal submission", portalSubmissionPort);
        Objects.requireNonNull(configFolder, "configFolder");
        Objects.requireNonNull(workFolder, "workFolder");
        Objects.requireNonNull(outbound, "outbound");
        Objects.requireNonNull(policyFile, "policyFile");
        Objects.requireNonNull(portalUrl, "portalUrl");
        if (delayNoticeAfter.isNegative() || delayNoticeAfter.isZero()) {
            throw new IllegalArgumentException("the delay notice needs a time after which to go, not " + delayNoticeAfter);
        }
    }

    /** The same settings, with the vault and correlation state in the work folder. */
    public GatewaySettings(int smtpPort, int webAdminPort, Optional<Path> configFolder, Path workFolder,
                           OutboundRoute outbound, Optional<Path> policyFile, boolean inspection, URI portalUrl) {
        this(smtpPort, webAdminPort, configFolder, workFolder, outbound, policyFile, inspection, portalUrl, false, 0,
                DEFAULT_DELAY_NOTICE_AFTER);
    }

    /** The same settings with inspection switched on or off and the default portal URL. */
    public GatewaySettings(int smtpPort, int webAdminPort, Optional<Path> configFolder, Path workFolder,
                           OutboundRoute outbound, Optional<Path> policyFile, boolean inspection) {
        this(smtpPort, webAdminPort, configFolder, workFolder, outbound, policyFile, inspection, DEFAULT_PORTAL_URL);
    }

    /** The same settings with secure links made under another portal URL. */
    public GatewaySettings withPortalUrl(URI url) {
        return new GatewaySettings(smtpPort, webAdminPort, configFolder, workFolder, outbound, policyFile, inspection, url,
                sharedBackends, portalSubmissionPort, delayNoticeAfter);
    }

    /** The same settings with the vault and correlation state in the shared backends, or not. */
    public GatewaySettings withSharedBackends(boolean shared) {
        return new GatewaySettings(smtpPort, webAdminPort, configFolder, workFolder, outbound, policyFile, inspection,
                portalUrl, shared, portalSubmissionPort, delayNoticeAfter);
    }

    /** The same settings with the portal's listener on another port. */
    public GatewaySettings withPortalSubmissionPort(int port) {
        return new GatewaySettings(smtpPort, webAdminPort, configFolder, workFolder, outbound, policyFile, inspection,
                portalUrl, sharedBackends, port, delayNoticeAfter);
    }

    /** The same settings with the sender told about undelivered mail after another wait. */
    public GatewaySettings withDelayNoticeAfter(Duration after) {
        return new GatewaySettings(smtpPort, webAdminPort, configFolder, workFolder, outbound, policyFile, inspection,
                portalUrl, sharedBackends, portalSubmissionPort, after);
    }

    /** Where the inspection keeps the installation key and the password-correlation state. */
    public Path stateFolder() {
        return workFolder.resolve("var").resolve("outward");
    }

    /**
     * The submission key, from which the portal's login to its own listener is derived; kept apart from the
     * state folder, because the portal reads it and must not read the installation key.
     */
    public Path submissionKey() {
        return workFolder.resolve("submission").resolve("portal-submission.key");
    }

    /** The vault the Wrap mailet writes and the in-process portal serves: one folder, so links work (unused with
     *  the shared backends). */
    public Path vaultFolder() {
        return workFolder.resolve("vault");
    }

    /** The same settings with the default policy. */
    public GatewaySettings(int smtpPort, int webAdminPort, Optional<Path> configFolder, Path workFolder,
                           OutboundRoute outbound) {
        this(smtpPort, webAdminPort, configFolder, workFolder, outbound, Optional.empty(), true);
    }

    /** The same settings with inspection on. */
    public GatewaySettings(int smtpPort, int webAdminPort, Optional<Path> configFolder, Path workFolder,
                           OutboundRoute outbound, Optional<Path> policyFile) {
        this(smtpPort, webAdminPort, configFolder, workFolder, outbound, policyFile, true);
    }

    private static void checkPort(String what, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(what + " port must be 0-65535, not " + port);
        }
    }
}
