package org.outward.deploy;

import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import org.outward.backends.portal.SharedPortalStateProvider;
import org.outward.portal.Portal;
import org.outward.portal.PortalConfig;
import org.outward.portal.PortalKey;
import org.outward.portal.PortalState;
import org.outward.portal.ReportsInVault;
import org.outward.portal.SmtpCodeSender;
import org.outward.portal.SmtpDownloadNotifier;
import org.outward.shared.SharedBackendSource;
import org.outward.shared.VaultSetting;
import org.outward.submission.PortalCredential;
import org.outward.vault.LocalDiskVault;

/**
 * The portal in the gateway's own JVM, for the try-out: on 127.0.0.1, over the vault in the work folder (or the
 * shared backends, when the gateway uses them), submitting its mail on the gateway's portal listener with the
 * login derived from the submission key, as a portal of its own would. In production the portal runs as its own
 * process ({@code org.outward.portal.PortalMain}).
 */
final class TryOutPortal {

    /** The code mail's From in the try-out. */
    static final String FROM = "secure-links@localhost";

    private TryOutPortal() {
    }

    static Path vaultFolder(EmbeddedGateway gateway) {
        return gateway.settings().vaultFolder();
    }

    static Portal start(EmbeddedGateway gateway, int port, URI publicUrl) throws StartupProblem {
        Clock clock = Clock.systemUTC();
        try {
            // A configuration of the admin's own may have no portal listener: the portal then submits like any
            // member on the SMTP port and its mail is judged (a code mail passes the default policy).
            Optional<EmbeddedGateway.PortalListener> listener = gateway.portalListener();
            Optional<PortalCredential> login = listener.isEmpty() ? Optional.empty()
                    : Optional.of(PortalCredential.load(listener.get().submissionKey()));
            int smtpPort = listener.map(EmbeddedGateway.PortalListener::port).orElse(gateway.smtpPort());
            PortalConfig config = PortalConfig.of("127.0.0.1", port, publicUrl);
            // The portal's own key, apart from the gateway's: try-out nodes sharing backends need copies of one file.
            PortalKey key = PortalKey.loadOrCreate(gateway.settings().stateFolder().resolve("portal.key"));
            boolean shared = gateway.settings().sharedBackends();
            // With the shared backends this portal is one of several nodes: codes, tries and sessions are shared too,
            // in the back end James opened for its mailets (one connection pool in the process).
            SharedBackendSource backends = gateway.serverState().sharedBackend();
            return Portal.start(config,
                    shared ? backends.sharedBackend().vault(clock) : new LocalDiskVault(vaultFolder(gateway), clock),
                    shared ? SharedPortalStateProvider.openOn(backends.sharedBackend(), config.limits(), clock, key)
                            : PortalState.inMemory(config.limits(), clock, key),
                    new SmtpCodeSender("127.0.0.1", smtpPort, FROM, login),
                    new SmtpDownloadNotifier("127.0.0.1", smtpPort, FROM, login),
                    ReportsInVault.open(shared ? VaultSetting.parse(VaultSetting.SHARED)
                            : VaultSetting.parse(vaultFolder(gateway).toString()), backends), clock);
        } catch (BindException e) {
            throw new StartupProblem("portal port " + port + " on 127.0.0.1 is already in use by another program: "
                    + "stop it or choose another port with --portal-port");
        } catch (IOException | IllegalArgumentException e) {
            throw new StartupProblem("the portal cannot start: " + e.getClass().getSimpleName(), e);
        }
    }
}
