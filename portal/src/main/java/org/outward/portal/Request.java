package org.outward.portal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;

/**
 * The parts of a request the portal uses, read with limits: query, cookies and a URL-encoded form body no
 * larger than the configured size.
 *
 * @param method   GET or POST
 * @param path     the raw path
 * @param query    query parameters
 * @param cookies  cookies
 * @param form     form fields (POST only)
 * @param client   the client's address (the peer, or the one a trusted proxy names), for rate limits only
 * @param acceptsWelsh whether Accept-Language puts Welsh first
 */
public record Request(String method, String path, Map<String, String> query, Map<String, String> cookies,
               Map<String, String> form, String client, boolean acceptsWelsh) {

    /** A body larger than allowed. */
    public static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("request body too large");
        }
    }

    /** The request line and headers: what is known before the body is read. */
    public static Request head(HttpExchange exchange, String client) {
        String language = exchange.getRequestHeaders().getFirst("Accept-Language");
        return new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                parse(exchange.getRequestURI().getRawQuery()), cookies(exchange.getRequestHeaders().get("Cookie")),
                Map.of(), client, language != null && language.trim().toLowerCase(java.util.Locale.ROOT).startsWith("cy"));
    }

    /** This request with its form body read (POST only), no larger than {@code maxBody}. */
    public Request withBody(HttpExchange exchange, int maxBody) throws IOException {
        if (!"POST".equals(method)) {
            return this;
        }
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null && parseLength(length) > maxBody) {
            throw new TooLarge();
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(maxBody + 1);
            if (body.length > maxBody) {
                throw new TooLarge();
            }
            return new Request(method, path, query, cookies, parse(new String(body, StandardCharsets.US_ASCII)), client,
                    acceptsWelsh);
        }
    }

    private static long parseLength(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    public static Map<String, String> parse(String encoded) {
        Map<String, String> fields = new HashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return fields;
        }
        for (String pair : encoded.split("&", 50)) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            try {
                fields.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                // a malformed field is ignored, as if it were absent
            }
        }
        return fields;
    }

    private static Map<String, String> cookies(List<String> headers) {
        Map<String, String> cookies = new HashMap<>();
        if (headers == null) {
            return cookies;
        }
        for (String header : headers) {
            // Browsers send "name=value"; some clients (the JDK's CookieManager) still send RFC 2965's
            // quoted values with $Version and $Path attributes, which are skipped.
            for (String part : header.split("[;,]", 30)) {
                int equals = part.indexOf('=');
                String name = equals > 0 ? part.substring(0, equals).trim() : "";
                if (!name.isEmpty() && !name.startsWith("$")) {
                    String value = part.substring(equals + 1).trim();
                    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                        value = value.substring(1, value.length() - 1);
                    }
                    cookies.putIfAbsent(name, value);
                }
            }
        }
        return cookies;
    }
}
