package org.outward.deploy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

import org.apache.james.GuiceJamesServer;
import org.apache.james.MemoryJamesConfiguration;
import org.apache.james.MemoryJamesServerMain;
import org.apache.james.modules.protocols.SmtpGuiceProbe;
import org.apache.james.utils.GuiceProbe;
import org.apache.james.utils.WebAdminGuiceProbe;
import org.outward.james.ServerState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.inject.multibindings.Multibinder;

/**
 * A real Apache James memory server, in this process, running Outward's configuration: the gateway a
 * newcomer tries out and the one the end-to-end tests talk SMTP to. Its mail queues and mail repositories
 * are kept on disk under the working folder (see {@link DurableMailQueueModule} and
 * {@code mailrepositorystore.xml}), so mail it accepted survives a restart. Its audit trail is written to
 * {@code logs/outward-audit.jsonl} there ({@link AuditFile}).
 *
 * <pre>{@code
 * try (EmbeddedGateway gateway = EmbeddedGateway.start(settings)) {
 *     int smtp = gateway.smtpPort();
 *     ...
 * }
 * }</pre>
 */
public final class EmbeddedGateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedGateway.class);

    /** James calls System.exit on a start-up error unless this is false; the launcher reports errors itself. */
    private static final String EXIT_ON_STARTUP_ERROR = "james.exit.on.startup.error";

    private final GuiceJamesServer server;
    private final GatewaySettings settings;
    private final Path configInUse;
    private final AuditFile auditFile;

    private EmbeddedGateway(GuiceJamesServer server, GatewaySettings settings, Path configInUse, AuditFile auditFile) {
        this.server = server;
        this.settings = settings;
        this.configInUse = configInUse;
        this.auditFile = auditFile;
    }

    /**
     * Writes the configuration and starts James.
     *
     * @throws StartupProblem with one line saying what is wrong and where; nothing is left running
     */
    public static EmbeddedGateway start(GatewaySettings settings) throws StartupProblem {
        checkPortFree("SMTP", "0.0.0.0", settings.smtpPort(), "--smtp-port");
        checkPortFree("WebAdmin", "127.0.0.1", settings.webAdminPort(), "--webadmin-port");
        checkPortFree("Portal listener", "127.0.0.1", settings.portalSubmissionPort(), "--portal-submission-port");
        Path conf = ConfigRenderer.render(settings);
        AuditFile auditFile;
        try {
            auditFile = AuditFile.open(settings.workFolder());
        } catch (IllegalArgumentException e) {
            throw new StartupProblem(e.getMessage());
        }

        System.setProperty(EXIT_ON_STARTUP_ERROR, "false");
        GuiceJamesServer server = MemoryJamesServerMain.createServer(MemoryJamesConfiguration.builder()
                .workingDirectory(settings.workFolder().toFile())
                .build())
                .overrideWith(new DurableMailQueueModule())
                .overrideWith(binder -> Multibinder.newSetBinder(binder, GuiceProbe.class).addBinding()
                        .to(OutwardProbe.class));
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly(server);
            auditFile.close();
            throw new StartupProblem(StartupDiagnosis.explain(e, settings.configFolder().orElse(conf)), e);
        }
        if (!server.isStarted()) {
            stopQuietly(server);
            auditFile.close();
            throw new StartupProblem("James did not start with the configuration in " + conf
                    + " (see the log above for the reason)");
        }
        return new EmbeddedGateway(server, settings, conf, auditFile);
    }

    public int smtpPort() {
        return server.getProbe(SmtpGuiceProbe.class).getSmtpPort().getValue();
    }

    public int webAdminPort() {
        return server.getProbe(WebAdminGuiceProbe.class).getWebAdminPort().getValue();
    }

    /**
     * The port of the listener on which the portal logs in to submit its own mail, and the key its login is
     * derived from; empty when the configuration has no portal listener (the portal's mail is then judged).
     */
    public Optional<PortalListener> portalListener() throws StartupProblem {
        OptionalInt port = ConfigRenderer.portalSubmissionPort(configInUse);
        Optional<Path> key = ConfigRenderer.submissionKey(configInUse);
        return port.isPresent() && key.isPresent() ? Optional.of(new PortalListener(port.getAsInt(), key.get()))
                : Optional.empty();
    }

    /** Where the portal submits its own mail: a port on this machine and the submission key file. */
    public record PortalListener(int port, Path submissionKey) {
    }

    /** The configuration folder James actually reads (the launcher's options applied). */
    public Path configInUse() {
        return configInUse;
    }

    public GatewaySettings settings() {
        return settings;
    }

    /** The audit trail's file: one JSON object a line (see {@code docs/audit.md}). */
    public Path auditFile() {
        return AuditFile.in(settings.workFolder());
    }

    /** What James gave the Outward mailets: their policy holders and shared back end. */
    public ServerState serverState() {
        return server.getProbe(OutwardProbe.class).serverState();
    }

    @Override
    public void close() {
        try {
            serverState().close();
        } catch (Exception e) {
            LOG.warn("The shared back end did not close cleanly ({})", e.getClass().getSimpleName());
        }
        server.stop();
        auditFile.close();
    }

    /**
     * A port taken by another process is the commonest start-up failure; saying so before James tries
     * gives the admin the option to change rather than a Netty stack trace.
     */
    private static void checkPortFree(String what, String address, int port, String option) throws StartupProblem {
        if (port == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(address), port));
        } catch (IOException e) {
            throw new StartupProblem(what + " port " + port + " on " + address
                    + " is already in use by another program: stop it or choose another port with " + option);
        }
    }

    private static void stopQuietly(GuiceJamesServer server) {
        try {
            server.stop();
        } catch (RuntimeException e) {
            LOG.debug("Stopping a James server that failed to start also failed", e);
        }
    }
}
