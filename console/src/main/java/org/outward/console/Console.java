package org.outward.console;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

import org.outward.console.oidc.OidcConfigException;
import org.outward.console.oidc.OidcSignIn;
import org.outward.portal.JdkServerLogging;
import org.outward.portal.ReadDeadlines;

/**
 * The admin console, running: the JDK's HTTP server with a small pool of request threads, each request read within
 * a deadline, as the portal does. It talks to the gateway only through WebAdmin.
 *
 * <pre>
 * try (Console console = Console.start(ConsoleConfig.local(8090, URI.create("http://127.0.0.1:8000"),
 *         Optional.empty(), Path.of("console-users"), Optional.of(Path.of("console-audit.jsonl"))), Clock.systemUTC())) {
 *     ...
 * }
 * </pre>
 */
public final class Console implements AutoCloseable {

    private static final int THREADS = 8;

    private final HttpServer server;
    private final ExecutorService requests;
    private final ReadDeadlines deadlines;

    private Console(HttpServer server, ExecutorService requests, ReadDeadlines deadlines) {
        this.server = server;
        this.requests = requests;
        this.deadlines = deadlines;
    }

    /**
     * Starts serving; the port is bound when this returns.
     *
     * @throws OidcConfigException when OpenID Connect is configured and cannot work (a provider's discovery cannot
     *                             be read, a client secret is missing, a multi-tenant issuer without a tenant)
     */
    public static Console start(ConsoleConfig config, Clock clock) throws IOException, OidcConfigException {
        JdkServerLogging.keepRequestLinesOut();
        // Before the port is bound: settings that cannot work stop the start with the reason.
        Optional<OidcSignIn> oidc = config.oidc().isEmpty() ? Optional.empty()
                : Optional.of(OidcSignIn.start(config.oidc().get(), clock));
        HttpServer server = HttpServer.create(config.bind(), 32);
        ExecutorService requests = Executors.newFixedThreadPool(THREADS, runnable -> {
            Thread thread = new Thread(runnable, "outward-console");
            thread.setDaemon(true);
            return thread;
        });
        ReadDeadlines deadlines = new ReadDeadlines(Duration.ofSeconds(10), Duration.ofSeconds(20));
        server.setExecutor(deadlines.watching(requests));
        server.createContext("/", new ConsoleHandler(config, clock, deadlines, oidc));
        server.start();
        return new Console(server, requests, deadlines);
    }

    /** Serves until the process is stopped (Ctrl-C, SIGTERM), then closes. */
    public void serveUntilStopped() throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            close();
            stopped.countDown();
        }, "outward-console-shutdown"));
        stopped.await();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        deadlines.close();
        requests.shutdownNow();
    }
}
