package org.outward.portal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.outward.vault.Deposit;
import org.outward.vault.LocalDiskVault;
import org.outward.vault.NewItem;

/** A vault and a portal on a free loopback port, with a browser-like HTTP client that keeps cookies. */
final class PortalHarness implements AutoCloseable {

    static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    final TestClock clock = new TestClock(Instant.parse("2026-05-01T10:00:00Z"));
    final LocalDiskVault vault;
    final Portal portal;
    final List<CodeMail> sent = new CopyOnWriteArrayList<>();
    final List<org.outward.vault.ItemInfo> notified = new CopyOnWriteArrayList<>();
    final URI base;

    PortalHarness(Path folder, PortalConfig.Limits limits, CodeSender sender, String publicScheme) throws IOException {
        this(folder, limits, sender, publicScheme, ProxyTrust.NONE);
    }

    PortalHarness(Path folder, PortalConfig.Limits limits, CodeSender sender, String publicScheme, ProxyTrust proxies)
            throws IOException {
        vault = new LocalDiskVault(folder, clock);
        CodeSender capture = sender != null ? sender : sent::add;
        PortalConfig config = new PortalConfig(new java.net.InetSocketAddress("127.0.0.1", 0),
                URI.create(publicScheme + "://localhost"), limits, proxies);
        portal = Portal.start(config, vault, capture, notified::add, clock);
        base = URI.create("http://127.0.0.1:" + portal.port());
    }

    PortalHarness(Path folder) throws IOException {
        this(folder, PortalConfig.Limits.DEFAULTS, null, "http");
    }

    Deposit put(String recipient, byte[] content) throws IOException {
        return vault.put(NewItem.withDefaults("agent@party.example", recipient, "canvass KA1 – list.csv", "text/csv"),
                new ByteArrayInputStream(content));
    }

    /**
     * The senders told of a first download, once at least {@code count} have been: the portal tells the sender
     * after it has sent the file, so the browser can have the file first.
     */
    List<org.outward.vault.ItemInfo> awaitNotified(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (notified.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return notified;
    }

    /** A fresh browser: its own cookie jar, no automatic redirects. */
    static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    HttpResponse<String> get(HttpClient client, String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    <T> HttpResponse<T> post(HttpClient client, String path, String form, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), handler);
    }

    HttpResponse<String> post(HttpClient client, String path, String form) throws IOException, InterruptedException {
        return post(client, path, form, HttpResponse.BodyHandlers.ofString());
    }

    static String csrf(String html) {
        Matcher matcher = CSRF.matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("no CSRF field on the page");
        }
        return matcher.group(1);
    }

    @Override
    public void close() {
        portal.close();
    }
}
