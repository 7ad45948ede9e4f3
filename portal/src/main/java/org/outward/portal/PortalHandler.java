package org.outward.portal;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Optional;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import org.outward.audit.AuditTrail;
import org.outward.vault.PortalPaths;

/**
 * Every request enters here: size and method checks, the per-client rate limit (before the body is read), the
 * body within its deadline and per-client slots, routing, and one place that turns any failure into a plain
 * error page (never a stack trace, never the request path, which holds tokens).
 */
final class PortalHandler implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(PortalHandler.class.getName());
    private static final int MAX_URI = 2048;

    private final PortalParts parts;
    private final RecipientPages recipient;
    private final SenderPages sender;
    private final Optional<ReportPages> reports;
    private final byte[] stylesheet;
    private final ReadDeadlines deadlines;

    PortalHandler(PortalParts parts, ReadDeadlines deadlines) throws IOException {
        this.parts = parts;
        this.deadlines = deadlines;
        this.recipient = new RecipientPages(parts);
        this.sender = new SenderPages(parts);
        this.reports = parts.reports().map(store -> new ReportPages(parts, store, AuditTrail.toLog()));
        this.stylesheet = Pages.stylesheet();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        Reply reply = null;
        try {
            deadlines.headersRead();
            String method = exchange.getRequestMethod();
            if (exchange.getRequestURI().toString().length() > MAX_URI) {
                bare(exchange, 414);
                return;
            }
            if (!"GET".equals(method) && !"POST".equals(method)) {
                exchange.getResponseHeaders().set("Allow", "GET, POST");
                bare(exchange, 405);
                return;
            }
            String client = client(exchange);
            Request head = Request.head(exchange, client);
            // Counted before the body is read, so a client over its limit cannot hold a thread with a slow body.
            if (!parts.perClient().allow(client)) {
                tooMany(new Reply(exchange, head, parts.pages(), parts.csrf(), parts.config().secure()));
                return;
            }
            Request request = withBody(exchange, head);
            if (request == null) {
                return;
            }
            reply = new Reply(exchange, request, parts.pages(), parts.csrf(), parts.config().secure());
            route(reply, request);
        } catch (ReadDeadlines.TooSlow e) {
            LOG.log(Level.DEBUG, "portal request cut off: not received in time");
        } catch (IOException | RuntimeException e) {
            if (deadlines.expired()) {
                // The deadline closed the connection under the read: nobody is left to answer.
                LOG.log(Level.DEBUG, "portal request cut off: not received in time");
                return;
            }
            // The type only: messages and paths can hold tokens, addresses or file names.
            LOG.log(Level.WARNING, "portal request failed: " + e.getClass().getName());
            if (exchange.getResponseCode() == -1) {
                if (reply != null) {
                    reply.message(500, "error_title", "error_text");
                } else {
                    bare(exchange, 500);
                }
            }
        } finally {
            parts.metrics().request(PortalMetrics.route(exchange.getRequestURI().getPath()), exchange.getResponseCode(),
                    (System.nanoTime() - started) / 1e9);
            exchange.close();
        }
    }

    /**
     * Reads the body within its deadline and while the client has a body slot; null when it was refused and
     * answered (the deadline then still bounds the draining of the unread body when the exchange closes).
     */
    private Request withBody(HttpExchange exchange, Request head) throws IOException {
        if (!"POST".equals(head.method())) {
            deadlines.bodyRead();
            return head;
        }
        if (!parts.bodies().take(head.client())) {
            exchange.getResponseHeaders().set("Connection", "close");
            tooMany(new Reply(exchange, head, parts.pages(), parts.csrf(), parts.config().secure()));
            return null;
        }
        try {
            Request request = head.withBody(exchange, parts.config().limits().maxBodyBytes());
            deadlines.bodyRead();
            return request;
        } catch (Request.TooLarge e) {
            bare(exchange, 413);
            return null;
        } finally {
            parts.bodies().give(head.client());
        }
    }

    private void route(Reply reply, Request request) throws IOException {
        String path = request.path();
        if (path.startsWith(PortalPaths.LINK_PREFIX)) {
            recipient.handle(reply, path.substring(PortalPaths.LINK_PREFIX.length()));
        } else if (path.startsWith(PortalPaths.MANAGEMENT_PREFIX)) {
            sender.handle(reply, path.substring(PortalPaths.MANAGEMENT_PREFIX.length()));
        } else if (path.startsWith(PortalPaths.REPORT_PREFIX) && reports.isPresent()) {
            reports.get().handle(reply, path.substring(PortalPaths.REPORT_PREFIX.length()));
        } else if ("/".equals(path) && "GET".equals(request.method())) {
            reply.message(200, "home_title", "home_text");
        } else if ("/static/portal.css".equals(path) && "GET".equals(request.method())) {
            try (OutputStream out = reply.stream("text/css; charset=utf-8", Map.of(), stylesheet.length)) {
                out.write(stylesheet);
            }
        } else {
            unavailable(reply);
        }
    }

    /** The address the rate limits count this request against: the peer, or the client a trusted proxy names. */
    private String client(HttpExchange exchange) {
        ProxyTrust proxies = parts.config().proxies();
        return proxies.client(exchange.getRemoteAddress().getAddress(),
                exchange.getRequestHeaders().get(proxies.header().headerName())).getHostAddress();
    }

    /** The one answer for an unknown, wrong, expired, revoked or used-up link. */
    static void unavailable(Reply reply) throws IOException {
        reply.message(404, "unavailable_title", "unavailable_text");
    }

    static void tooMany(Reply reply) throws IOException {
        reply.header("Retry-After", "60");
        reply.message(429, "too_many_title", "too_many_text");
    }

    private static void bare(HttpExchange exchange, int status) throws IOException {
        SecurityHeaders.apply(exchange.getResponseHeaders(), false);
        exchange.sendResponseHeaders(status, -1);
    }
}
