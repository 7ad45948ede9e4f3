package org.outward.console;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One browser's worth of the admin console over real HTTP: it keeps the cookies the console sets and sends them
 * back, and reads the CSRF field from the last page, as a browser's form would send it.
 */
public final class ConsoleClient {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final int port;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String csrf = "";

    public ConsoleClient(int port) {
        this.port = port;
    }

    public HttpResponse<String> get(String path) throws Exception {
        return remember(http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** POSTs the form with the CSRF field of the last page read. */
    public HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrf", csrf);
        form.putAll(fields);
        return postRaw(path, form);
    }

    /** POSTs exactly these fields (no CSRF field unless given). */
    public HttpResponse<String> postRaw(String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return remember(http.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** Signs in through the sign-in page; the response to the form. */
    public HttpResponse<String> signIn(String name, String password, String code) throws Exception {
        get("/signin");
        return post("/signin", Map.of("name", name, "password", password, "code", code));
    }

    public String cookie(String name) {
        return cookies.get(name);
    }

    /** Sends this cookie from now on, as a stolen or planted one would be sent. */
    public void setCookie(String name, String value) {
        cookies.put(name, value);
    }

    public void forget(String cookie) {
        cookies.remove(cookie);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (!cookies.isEmpty()) {
            builder.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        return builder;
    }

    private HttpResponse<String> remember(HttpResponse<String> response) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            int equals = pair.indexOf('=');
            String value = pair.substring(equals + 1);
            if (value.isEmpty()) {
                cookies.remove(pair.substring(0, equals));
            } else {
                cookies.put(pair.substring(0, equals), value);
            }
        }
        Matcher field = CSRF.matcher(response.body());
        if (field.find()) {
            csrf = field.group(1);
        }
        return response;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
