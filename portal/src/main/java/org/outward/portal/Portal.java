package org.outward.portal;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

import org.outward.feedback.ReportStore;
import org.outward.vault.Vault;

/**
 * The recipients' portal, running: an HTTP server on the JDK's built-in {@code com.sun.net.httpserver}, a
 * fixed pool of request threads watched by {@link ReadDeadlines}, and a timer that purges expired content.
 *
 * <pre>
 * Vault vault = new LocalDiskVault(Path.of("outward-work/vault"), Clock.systemUTC());
 * try (Portal portal = Portal.start(PortalConfig.of("0.0.0.0", 8080, URI.create("https://files.example.org")),
 *         vault, new SmtpCodeSender("127.0.0.1", 2525, "secure-links@party.example"), Clock.systemUTC())) {
 *     ...
 * }
 * </pre>
 */
public final class Portal implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Portal.class.getName());

    private final HttpServer server;
    private final ExecutorService requests;
    private final ScheduledExecutorService housekeeping;
    private final ReadDeadlines deadlines;
    private final PortalConfig config;
    private final PortalMetrics metrics;
    private final PortalHealth health;

    private Portal(HttpServer server, ExecutorService requests, ScheduledExecutorService housekeeping,
                   ReadDeadlines deadlines, PortalConfig config, PortalMetrics metrics, PortalHealth health) {
        this.server = server;
        this.requests = requests;
        this.housekeeping = housekeeping;
        this.deadlines = deadlines;
        this.config = config;
        this.metrics = metrics;
        this.health = health;
    }

    /** Starts serving, without first-download notices; the port is bound when this returns. */
    public static Portal start(PortalConfig config, Vault vault, CodeSender codeSender, Clock clock) throws IOException {
        return start(config, vault, codeSender, DownloadNotifier.NONE, clock);
    }

    /** Starts serving with the single-node state (in memory); the port is bound when this returns. */
    public static Portal start(PortalConfig config, Vault vault, CodeSender codeSender, DownloadNotifier notifier,
                               Clock clock) throws IOException {
        return start(config, vault, PortalState.inMemory(config.limits(), clock), codeSender, notifier, clock);
    }

    /**
     * Starts serving with the given state (shared by several portal nodes, or not); the port is bound when this
     * returns.
     */
    public static Portal start(PortalConfig config, Vault vault, PortalState state, CodeSender codeSender,
                               DownloadNotifier notifier, Clock clock) throws IOException {
        return start(config, vault, state, codeSender, notifier, Optional.empty(), clock);
    }

    /**
     * Starts serving, with the page where senders report a notice as wrong when there is a report store (the one
     * the gateway files its notices' tickets in); the port is bound when this returns.
     */
    public static Portal start(PortalConfig config, Vault vault, PortalState state, CodeSender codeSender,
                               DownloadNotifier notifier, Optional<ReportStore> reports, Clock clock) throws IOException {
        PortalParts parts = PortalParts.create(config, vault, state, codeSender, notifier, reports, clock);
        JdkServerLogging.keepRequestLinesOut();
        HttpServer server = HttpServer.create(config.bind(), 64);
        ExecutorService requests = Executors.newFixedThreadPool(config.limits().threads(), threads("outward-portal-"));
        ReadDeadlines deadlines = new ReadDeadlines(config.limits().headerTimeout(), config.limits().bodyTimeout());
        server.setExecutor(deadlines.watching(requests));
        server.createContext("/", new PortalHandler(parts, deadlines));
        ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(threads("outward-portal-purge-"));
        long every = config.limits().purgeEvery().toSeconds();
        housekeeping.scheduleWithFixedDelay(() -> {
            try {
                int purged = vault.purgeExpired();
                parts.forgetOld();
                LOG.log(Level.DEBUG, "purged " + purged + " expired items");
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "vault purge failed: " + e.getClass().getName());
            }
        }, every, every, TimeUnit.SECONDS);
        server.start();
        return new Portal(server, requests, housekeeping, deadlines, config, parts.metrics(),
                new PortalHealth(vault, state));
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** The port it listens on (useful when configured with port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** What its operations listener serves at {@code /metrics}. */
    PortalMetrics metrics() {
        return metrics;
    }

    /** What its operations listener serves at {@code /healthz}. */
    PortalHealth health() {
        return health;
    }

    /** The URL links are made with. */
    public URI publicBase() {
        return config.publicBase();
    }

    @Override
    public void close() {
        server.stop(0);
        housekeeping.shutdownNow();
        deadlines.close();
        requests.shutdownNow();
    }
}
