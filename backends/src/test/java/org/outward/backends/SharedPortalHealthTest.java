package org.outward.backends;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.outward.backends.portal.SqlPortalState;
import org.outward.portal.Portal;
import org.outward.portal.PortalConfig;
import org.outward.portal.PortalKey;
import org.outward.portal.PortalOperations;

/**
 * A portal node on the shared backends, asked over HTTP by its orchestrator: healthy while PostgreSQL answers, 503
 * once the database is stopped, naming what failed and nothing else (no host, no user, no error text).
 */
class SharedPortalHealthTest {

    @RegisterExtension
    static final TestBackends BACKENDS = new TestBackends();

    @Test
    void aPortalWhoseDatabaseIsStoppedIsUnhealthy() throws Exception {
        PostgresS3Backend node = BACKENDS.node();
        Clock clock = Clock.systemUTC();
        PortalConfig.Limits limits = PortalConfig.Limits.DEFAULTS;
        try (Portal portal = Portal.start(new PortalConfig(new InetSocketAddress("127.0.0.1", 0),
                URI.create("http://localhost"), limits), node.vault(clock),
                SqlPortalState.open(node.database(), limits, clock, PortalKey.random()),
                mail -> { }, item -> { }, clock);
             PortalOperations operations = PortalOperations.start(new InetSocketAddress("127.0.0.1", 0), portal)) {
            assertThat(healthz(operations).statusCode()).isEqualTo(200);

            BACKENDS.stopDatabase();

            HttpResponse<String> broken = healthz(operations);
            assertThat(broken.statusCode()).isEqualTo(503);
            assertThat(broken.body()).isEqualTo(
                    "{\"status\":\"unhealthy\",\"checks\":{\"vault\":\"unhealthy\",\"state\":\"unhealthy\"}}");
        }
    }

    private static HttpResponse<String> healthz(PortalOperations operations) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + operations.port() + "/healthz")).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
