package org.outward.console;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import org.outward.console.oidc.OidcSignIn;
import org.outward.portal.CsrfTokens;
import org.outward.portal.Pages;
import org.outward.shared.SharedBackends;
import org.outward.portal.RateLimiter;
import org.outward.portal.ReadDeadlines;
import org.outward.portal.Reply;
import org.outward.portal.Request;
import org.outward.portal.SecurityHeaders;

/**
 * Every console request enters here: method and size checks, a per-client rate limit, the form body, the
 * sign-in and sign-out, and the gate in front of every other page: a live session, a valid CSRF token on every
 * POST. Any failure becomes a plain error page, never a stack trace.
 */
final class ConsoleHandler implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(ConsoleHandler.class.getName());
    private static final String FOLDER = "/org/outward/console/";
    private static final int MAX_URI = 2048;
    private static final int MAX_BODY = 64 * 1024;

    private final ConsoleConfig config;
    private final ReadDeadlines deadlines;
    private final Pages pages;
    private final byte[] stylesheet;
    private final CsrfTokens csrf;
    private final RateLimiter perClient;
    private final RateLimiter signIns;
    private final ConsoleSessions sessions;
    private final SignIn signIn;
    private final AdminAudit audit;
    private final HeldPages held;
    private final Optional<LinksPages> links;
    private final Optional<StatisticsPages> statistics;
    private final ConsoleHealth health;
    private final Optional<OidcPages> oidc;
    private final Optional<ReportsPages> reports;

    ConsoleHandler(ConsoleConfig config, Clock clock, ReadDeadlines deadlines, Optional<OidcSignIn> oidc)
            throws IOException {
        this.config = config;
        this.deadlines = deadlines;
        this.pages = new Pages(FOLDER, List.of("signin", "held", "mail", "done", "links", "linkdone", "message",
                "statistics", "oidcdone", "oidcrefused",
                "reports", "report", "reportdone"));
        this.stylesheet = Pages.file(FOLDER, "console.css");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.csrf = new CsrfTokens(key);
        this.perClient = new RateLimiter(300, Duration.ofMinutes(1), clock);
        this.signIns = new RateLimiter(20, Duration.ofMinutes(1), clock);
        this.sessions = new ConsoleSessions(clock);
        this.signIn = new SignIn(new UsersFile(config.users()), clock);
        this.audit = new AdminAudit(config.auditFile(), clock);
        WebAdmin webAdmin = new WebAdmin(config.webAdmin(), config.webAdminToken());
        this.held = new HeldPages(webAdmin, config.repositories(), audit);
        this.health = new ConsoleHealth(webAdmin, config.auditFile());
        this.links = config.vault().isEmpty() ? Optional.empty()
                : Optional.of(new LinksPages(config.vault().get().open(clock, SharedBackends.fromEnvironment()), clock, audit, pages));
        // The trail the console appends to is the gateway's own: one setting for both.
        this.statistics = config.auditFile().map(trail -> new StatisticsPages(trail, clock, pages, audit));
        this.oidc = oidc.map(o -> new OidcPages(o, sessions, audit, pages, config.secure()));
        this.reports = config.vault().isEmpty() ? Optional.empty()
                : Optional.of(new ReportsPages(config.vault().get().reports(SharedBackends.fromEnvironment()), config.policy(), webAdmin,
                config.repositories(), audit, clock, pages));
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Reply reply = null;
        try {
            deadlines.headersRead();
            String method = exchange.getRequestMethod();
            if (exchange.getRequestURI().toString().length() > MAX_URI || !("GET".equals(method) || "POST".equals(method))) {
                bare(exchange, exchange.getRequestURI().toString().length() > MAX_URI ? 414 : 405);
                return;
            }
            String client = exchange.getRemoteAddress().getAddress().getHostAddress();
            Request head = Request.head(exchange, client);
            if (!perClient.allow(client)) {
                tooMany(new Reply(exchange, head, pages, csrf, config.secure()));
                return;
            }
            Request request;
            try {
                request = head.withBody(exchange, MAX_BODY);
            } catch (Request.TooLarge e) {
                bare(exchange, 413);
                return;
            }
            deadlines.bodyRead();
            if (oidc.isPresent()) {
                request = oidc.get().inItsLanguage(request);
            }
            reply = new Reply(exchange, request, pages, csrf, config.secure());
            route(reply, request);
        } catch (ReadDeadlines.TooSlow e) {
            LOG.log(Level.DEBUG, "console request cut off: not received in time");
        } catch (IOException | RuntimeException e) {
            // The type only: messages can name addresses or subjects.
            LOG.log(Level.WARNING, "console request failed: " + e.getClass().getName());
            if (exchange.getResponseCode() == -1 && !deadlines.expired()) {
                if (reply != null) {
                    reply.message(500, "error_title", "error_text");
                } else {
                    bare(exchange, 500);
                }
            }
        } finally {
            exchange.close();
        }
    }

    private void route(Reply reply, Request request) throws IOException {
        String path = request.path();
        boolean get = "GET".equals(request.method());
        if ("/static/console.css".equals(path) && get) {
            try (OutputStream out = reply.stream("text/css; charset=utf-8", Map.of(), stylesheet.length)) {
                out.write(stylesheet);
            }
            return;
        }
        if ("/healthz".equals(path) && get) {
            // For the container's health check, before any sign-in: healthy or not, nothing else.
            boolean healthy = health.healthy();
            reply.plain(healthy ? 200 : 503, healthy ? "healthy\n" : "unhealthy\n");
            return;
        }
        if (!get && !csrf.valid(reply.csrfCookie(), request.form().get("csrf"))) {
            // Every POST, the sign-in too, carries the form token bound to this browser's cookie.
            reply.message(403, "forbidden_title", "csrf_text");
            return;
        }
        if (path.startsWith(OidcSignIn.PATH) && get && oidc.isPresent()) {
            if (!signIns.allow(request.client())) {
                tooMany(reply);
            } else {
                oidc.get().handle(reply, request);
            }
            return;
        }
        if ("/signin".equals(path) && !get && oidc.isPresent() && !oidc.get().localSignIn()) {
            reply.message(403, "local_off_title", "local_off_text");
            return;
        }
        if ("/signin".equals(path)) {
            if (get) {
                signInPage(reply, 200, null);
            } else {
                signIn(reply, request);
            }
            return;
        }
        Optional<ConsoleSessions.Session> session = sessions.find(request.cookies().get(ConsoleSessions.COOKIE));
        if (session.isEmpty()) {
            if (get) {
                reply.redirect("/signin");
            } else {
                reply.message(401, "signed_out_title", "signed_out_text");
            }
            return;
        }
        Account account = session.get().account();
        if ("/signout".equals(path) && !get) {
            sessions.end(session.get().id());
            reply.addCookie(SecurityHeaders.cookie(ConsoleSessions.COOKIE, "", 0, config.secure()));
            reply.redirect("/signin");
        } else if (!get && !account.role().mayAct()) {
            // Every other POST acts on mail or links: an admin's only, whatever the page offered.
            // Not an action, so not an audit event; the operator's log says who tried what.
            LOG.log(Level.WARNING, "console: refused " + path + " to " + account.name() + " (" + account.role().word() + ")");
            reply.message(403, "forbidden_title", "forbidden_text");
        } else if ("/".equals(path) && get) {
            reply.redirect("/held");
        } else if ("/held".equals(path) && get) {
            held.list(reply, request, account);
        } else if ("/held/view".equals(path) && get) {
            held.view(reply, request, account);
        } else if ("/held/act".equals(path) && !get) {
            held.act(reply, request, account);
        } else if (path.startsWith("/links") && links.isEmpty()) {
            reply.message(404, "no_vault_title", "no_vault_text");
        } else if ("/links".equals(path) && get) {
            links.get().list(reply, request, account);
        } else if ("/links/act".equals(path) && !get) {
            links.get().act(reply, request, account);
        } else if (path.startsWith("/statistics") && statistics.isEmpty()) {
            reply.message(404, "no_audit_title", "no_audit_text");
        } else if ("/statistics".equals(path) && get) {
            statistics.get().page(reply, request, account);
        } else if ("/statistics.csv".equals(path) && get) {
            statistics.get().csv(reply, request, account);
        } else if (path.startsWith("/reports")) {
            reports(reply, request, account, path, get);
        } else {
            reply.message(404, "not_found_title", "not_found_text");
        }
    }

    private void reports(Reply reply, Request request, Account account, String path, boolean get) throws IOException {
        if (reports.isEmpty()) {
            reply.message(404, "no_vault_title", "no_vault_text");
        } else if ("/reports".equals(path) && get) {
            reports.get().list(reply, account);
        } else if ("/reports/view".equals(path) && get) {
            reports.get().view(reply, request, account);
        } else if ("/reports/accept".equals(path) && !get) {
            reports.get().accept(reply, request, account);
        } else if ("/reports/dismiss".equals(path) && !get) {
            reports.get().dismiss(reply, request, account);
        } else {
            reply.message(404, "not_found_title", "not_found_text");
        }
    }

    private void signIn(Reply reply, Request request) throws IOException {
        if (!signIns.allow(request.client())) {
            tooMany(reply);
            return;
        }
        Map<String, String> form = request.form();
        String name = form.getOrDefault("name", "").trim();
        SignIn.Result result = signIn.check(name, form.get("password"), form.getOrDefault("code", "").trim());
        audit.signIn(result.knownName().orElse("unknown"), result.outcome() == SignIn.Outcome.SIGNED_IN);
        switch (result.outcome()) {
            case SIGNED_IN -> {
                ConsoleSessions.Session session = sessions.start(result.account().orElseThrow());
                reply.addCookie(SecurityHeaders.cookie(ConsoleSessions.COOKIE, session.id(),
                        ConsoleSessions.MAX.toSeconds(), config.secure()));
                reply.redirect("/held");
            }
            case LOCKED -> signInPage(reply, 429, "signin_locked");
            default -> signInPage(reply, 401, "signin_refused");
        }
    }

    private void signInPage(Reply reply, int status, String errorKey) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("local", true);
        oidc.ifPresent(o -> {
            model.put("oidc", true);
            o.signInModel(model, reply.language());
        });
        if (errorKey != null) {
            model.put("error", pages.word(reply.language(), errorKey));
        }
        reply.page(status, "signin", model, "/signin");
    }

    private static void tooMany(Reply reply) throws IOException {
        reply.header("Retry-After", "60");
        reply.message(429, "too_many_title", "too_many_text");
    }

    private static void bare(HttpExchange exchange, int status) throws IOException {
        SecurityHeaders.apply(exchange.getResponseHeaders(), false);
        exchange.sendResponseHeaders(status, -1);
    }
}
