package org.outward.portal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;

/**
 * The answer to one request: its language, its CSRF cookie (made on first visit), cookies to set, and the ways
 * to answer (a page, a redirect, a stream), each with the security headers.
 */
public final class Reply {

    public static final String LANGUAGE_COOKIE = "ow_lang";
    public static final String CSRF_COOKIE = "ow_csrf";
    private static final long YEAR = 365L * 24 * 3600;

    private final HttpExchange exchange;
    private final Request request;
    private final Pages pages;
    private final boolean secure;
    private final String language;
    private final String csrfCookie;
    private final String csrfField;
    private final List<String> cookies = new ArrayList<>();

    public Reply(HttpExchange exchange, Request request, Pages pages, CsrfTokens csrf, boolean secure) {
        this.exchange = exchange;
        this.request = request;
        this.pages = pages;
        this.secure = secure;
        String chosen = pick(request.query().get("lang"));
        if (chosen != null) {
            cookies.add(SecurityHeaders.cookie(LANGUAGE_COOKIE, chosen, YEAR, secure));
        } else {
            chosen = pick(request.form().get("lang"));
        }
        if (chosen == null) {
            chosen = pick(request.cookies().get(LANGUAGE_COOKIE));
        }
        this.language = chosen != null ? chosen : request.acceptsWelsh() ? "cy" : "en";
        String existing = request.cookies().get(CSRF_COOKIE);
        if (existing == null || existing.length() != 43) {
            existing = csrf.newCookieValue();
            cookies.add(SecurityHeaders.cookie(CSRF_COOKIE, existing, 24 * 3600, secure));
        }
        this.csrfCookie = existing;
        this.csrfField = csrf.formToken(existing);
    }

    private static String pick(String language) {
        return language != null && Pages.LANGUAGES.contains(language) ? language : null;
    }

    public String language() {
        return language;
    }

    public String csrfCookie() {
        return csrfCookie;
    }

    public void header(String name, String value) {
        exchange.getResponseHeaders().set(name, value);
    }

    public void addCookie(String setCookie) {
        cookies.add(setCookie);
    }

    /** Renders a page; {@code switchPath} is where the language switch leads (null: this page). */
    public void page(int status, String page, Map<String, Object> model, String switchPath) throws IOException {
        Map<String, Object> context = new HashMap<>(model);
        context.put("csrf", csrfField);
        String other = "cy".equals(language) ? "en" : "cy";
        String path = switchPath == null ? "" : switchPath;
        context.put("switchUrl", path + (path.contains("?") ? "&" : "?") + "lang=" + other);
        byte[] body = pages.render(page, language, context).getBytes(StandardCharsets.UTF_8);
        headers("text/html; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** A short page with a heading and one paragraph, by word keys. */
    public void message(int status, String titleKey, String textKey) throws IOException {
        page(status, "message", Map.of("titleKey", pages.word(language, titleKey), "textKey", pages.word(language, textKey)), null);
    }

    /** See Other: after a POST, the browser fetches the page afresh. */
    public void redirect(String location) throws IOException {
        headers(null);
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(303, -1);
    }

    /** Opens a stream for a body of known length (0 allowed). */
    public OutputStream stream(String contentType, Map<String, String> extra, long length) throws IOException {
        headers(contentType);
        extra.forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(200, length == 0 ? -1 : length);
        return exchange.getResponseBody();
    }

    public void plain(int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        headers("text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private void headers(String contentType) {
        SecurityHeaders.apply(exchange.getResponseHeaders(), secure);
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.getResponseHeaders().set("Content-Language", language);
        exchange.getResponseHeaders().set("Vary", "Cookie, Accept-Language");
        for (String cookie : cookies) {
            exchange.getResponseHeaders().add("Set-Cookie", cookie);
        }
    }

    public Request request() {
        return request;
    }
}
