package org.outward.portal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The portal's operations listener, on an address of its own that the reverse proxy does not forward (recipients
 * never reach it): {@code GET /healthz} answers 200 while the vault and the code and session store answer, 503
 * otherwise, with each check's name and state and nothing else; {@code GET /metrics} serves {@link PortalMetrics}
 * to Prometheus.
 */
public final class PortalOperations implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads;

    private PortalOperations(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    /** Starts serving the health and metrics of this portal; the port is bound when this returns. */
    public static PortalOperations start(InetSocketAddress bind, Portal portal) throws IOException {
        HttpServer server = HttpServer.create(bind, 8);
        ExecutorService threads = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "outward-portal-operations");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                if (!"GET".equals(exchange.getRequestMethod())) {
                    exchange.sendResponseHeaders(405, -1);
                } else if ("/healthz".equals(path)) {
                    health(exchange, portal.health());
                } else if ("/metrics".equals(path)) {
                    metrics(exchange, portal.metrics());
                } else {
                    exchange.sendResponseHeaders(404, -1);
                }
            }
        });
        server.start();
        return new PortalOperations(server, threads);
    }

    private static void health(HttpExchange exchange, PortalHealth health) throws IOException {
        Map<String, Boolean> checks = health.check();
        boolean healthy = !checks.containsValue(false);
        String body = "{\"status\":\"" + word(healthy) + "\",\"checks\":{" + checks.entrySet().stream()
                .map(check -> "\"" + check.getKey() + "\":\"" + word(check.getValue()) + "\"")
                .collect(Collectors.joining(",")) + "}}";
        send(exchange, healthy ? 200 : 503, "application/json", body);
    }

    private static String word(boolean healthy) {
        return healthy ? "healthy" : "unhealthy";
    }

    private static void metrics(HttpExchange exchange, PortalMetrics metrics) throws IOException {
        StringWriter text = new StringWriter();
        metrics.write(text);
        send(exchange, 200, PortalMetrics.contentType(), text.toString());
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** The port it listens on (useful when started on port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
