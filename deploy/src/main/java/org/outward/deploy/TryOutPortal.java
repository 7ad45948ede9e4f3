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
import org.outward.portal.SmtpCodeSender;
import org.outward.portal.SmtpDownloadNotifier;
import org.outward.shared.SharedBackends;
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
            // Without the portal's listener its mail would be judged, and a code mail held means a link nobody can
            // open: a configuration without one cannot start the try-out portal.
            EmbeddedGateway.PortalListener listener = gateway.portalListener().orElseThrow(() -> new StartupProblem(
                    "the configuration has no portal listener (an <smtpserver> with " + ConfigRenderer.PORTAL_HOOK
                            + " in smtpserver.xml): add one as deploy/conf/smtpserver.xml has it, or use --no-portal"));
            Optional<PortalCredential> login = Optional.of(PortalCredential.load(listener.submissionKey()));
            PortalConfig config = PortalConfig.of("127.0.0.1", port, publicUrl);
            // The portal's own key, apart from the gateway's: try-out nodes sharing backends need copies of one file.
            PortalKey key = PortalKey.loadOrCreate(gateway.settings().stateFolder().resolve("portal.key"));
            boolean shared = gateway.settings().sharedBackends();
            // With the shared backends this portal is one of several nodes: codes, tries and sessions are shared too.
            return Portal.start(config,
                    shared ? SharedBackends.get().vault(clock) : new LocalDiskVault(vaultFolder(gateway), clock),
                    shared ? new SharedPortalStateProvider().open(config.limits(), clock, key)
                            : PortalState.inMemory(config.limits(), clock, key),
                    new SmtpCodeSender("127.0.0.1", listener.port(), FROM, login),
                    new SmtpDownloadNotifier("127.0.0.1", listener.port(), FROM, login), clock);
        } catch (BindException e) {
            throw new StartupProblem("portal port " + port + " on 127.0.0.1 is already in use by another program: "
                    + "stop it or choose another port with --portal-port");
        } catch (IOException | IllegalArgumentException e) {
            throw new StartupProblem("the portal cannot start: " + e.getClass().getSimpleName(), e);
        }
    }
}
