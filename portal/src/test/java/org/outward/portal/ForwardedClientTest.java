package org.outward.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-client rate limit behind a reverse proxy, over real HTTP: the test's own loopback connection plays the
 * proxy and writes the forwarding header a proxy would.
 */
class ForwardedClientTest {

    private static final PortalConfig.Limits THREE_PER_CLIENT = PortalConfig.Limits.DEFAULTS.withRequestLimits(3, 1000);
    private static final String ATTACKER = "198.51.100.7";
    private static final String NEIGHBOUR = "203.0.113.9";

    @TempDir
    Path folder;

    private static int home(PortalHarness h, String header, String value) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(h.base.resolve("/")).GET();
        if (value != null) {
            request.header(header, value);
        }
        return PortalHarness.browser().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Spends the attacker's three requests; the fourth is refused. */
    private static void exhaust(PortalHarness h, String header, String value) throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(home(h, header, value)).as("request %d", i + 1).isEqualTo(200);
        }
        assertThat(home(h, header, value)).isEqualTo(429);
    }

    @Test
    void clientsBehindATrustedProxyHaveTheirOwnLimits() throws Exception {
        ProxyTrust loopbackProxy = ProxyTrust.of(List.of("127.0.0.0/8"), ProxyTrust.Header.X_FORWARDED_FOR);
        try (PortalHarness h = new PortalHarness(folder, THREE_PER_CLIENT, null, "http", loopbackProxy)) {
            exhaust(h, "X-Forwarded-For", ATTACKER);
            assertThat(home(h, "X-Forwarded-For", NEIGHBOUR)).as("another client through the same proxy").isEqualTo(200);
            // The attacker writes the neighbour's address first; the proxy appends the real one, which counts.
            assertThat(home(h, "X-Forwarded-For", NEIGHBOUR + ", " + ATTACKER)).isEqualTo(429);
            // A chain of trusted proxies is looked through to the client.
            assertThat(home(h, "X-Forwarded-For", NEIGHBOUR + ", 127.0.0.9")).isEqualTo(200);
        }
    }

    @Test
    void rfc7239ForwardedIsReadWhenConfigured() throws Exception {
        ProxyTrust loopbackProxy = ProxyTrust.of(List.of("127.0.0.1"), ProxyTrust.Header.FORWARDED);
        try (PortalHarness h = new PortalHarness(folder, THREE_PER_CLIENT, null, "http", loopbackProxy)) {
            exhaust(h, "Forwarded", "for=\"[2001:db8:cafe::17]:4711\";proto=https");
            assertThat(home(h, "Forwarded", "for=" + NEIGHBOUR + ";proto=https")).isEqualTo(200);
            assertThat(home(h, "Forwarded", "for=" + NEIGHBOUR + ", for=\"[2001:db8:cafe::17]\"")).isEqualTo(429);
            // X-Forwarded-For is not the configured header: a client could have written it.
            assertThat(home(h, "X-Forwarded-For", NEIGHBOUR)).isEqualTo(200);
        }
    }

    @Test
    void anUntrustedPeerCannotChooseItsBucket() throws Exception {
        ProxyTrust elsewhere = ProxyTrust.of(List.of("10.0.0.0/8"), ProxyTrust.Header.X_FORWARDED_FOR);
        for (ProxyTrust trust : List.of(ProxyTrust.NONE, elsewhere)) {
            try (PortalHarness h = new PortalHarness(folder.resolve(trust.proxies().size() + ""), THREE_PER_CLIENT,
                    null, "http", trust)) {
                for (int i = 0; i < 3; i++) {
                    assertThat(home(h, "X-Forwarded-For", "192.0.2." + i)).isEqualTo(200);
                }
                assertThat(home(h, "X-Forwarded-For", NEIGHBOUR)).as(trust.toString()).isEqualTo(429);
                assertThat(home(h, "Forwarded", "for=" + NEIGHBOUR)).as(trust.toString()).isEqualTo(429);
            }
        }
    }

    @Test
    void anUnreadableHeaderCountsAgainstTheProxy() throws Exception {
        ProxyTrust loopbackProxy = ProxyTrust.of(List.of("127.0.0.0/8"), ProxyTrust.Header.X_FORWARDED_FOR);
        try (PortalHarness h = new PortalHarness(folder, THREE_PER_CLIENT, null, "http", loopbackProxy)) {
            assertThat(home(h, "X-Forwarded-For", "localhost")).isEqualTo(200);
            assertThat(home(h, "X-Forwarded-For", "unknown")).isEqualTo(200);
            assertThat(home(h, "X-Forwarded-For", NEIGHBOUR + ",")).isEqualTo(200);
            // All three were the proxy's own requests, as is one without the header.
            assertThat(home(h, "X-Forwarded-For", null)).isEqualTo(429);
            assertThat(home(h, "X-Forwarded-For", NEIGHBOUR)).isEqualTo(200);
        }
    }
}
