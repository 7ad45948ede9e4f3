package org.outward.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outward.vault.Deposit;

/**
 * The portal's operations listener, over HTTP as an orchestrator and Prometheus call it: {@code /healthz} says
 * whether the vault can be reached, {@code /metrics} counts what recipients did, and neither is on the recipients'
 * address.
 */
class PortalOperationsTest {

    private static final byte[] CONTENT = "PD,ENO,Name\nKA1,12,Jane Example\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path folder;

    @Test
    void healthyWhileTheVaultWorksAndUnavailableOnceItsFolderIsGone() throws Exception {
        Path vault = folder.resolve("vault");
        try (PortalHarness h = new PortalHarness(vault);
             PortalOperations operations = PortalOperations.start(new InetSocketAddress("127.0.0.1", 0), h.portal)) {
            HttpResponse<String> healthy = get(operations, "/healthz");
            assertThat(healthy.statusCode()).isEqualTo(200);
            assertThat(healthy.body()).contains("\"status\":\"healthy\"");

            deleteRecursively(vault);

            HttpResponse<String> broken = get(operations, "/healthz");
            assertThat(broken.statusCode()).isEqualTo(503);
            assertThat(broken.body()).contains("\"status\":\"unhealthy\"", "\"vault\"")
                    .doesNotContain(vault.toString());
            assertThat(h.get(PortalHarness.browser(), "/healthz").statusCode())
                    .as("not on the recipients' address").isEqualTo(404);
        }
    }

    @Test
    void metricsCountRequestsByOutcomeCodesSentDownloadsAndTheirTimes() throws Exception {
        try (PortalHarness h = new PortalHarness(folder);
             PortalOperations operations = PortalOperations.start(new InetSocketAddress("127.0.0.1", 0), h.portal)) {
            Deposit deposit = h.put("printer@example.org", CONTENT);
            String link = "/l/" + deposit.link().encoded();
            HttpClient browser = PortalHarness.browser();
            HttpResponse<String> page = h.get(browser, link);
            HttpResponse<String> codePage = h.post(browser, link + "/code", "csrf=" + PortalHarness.csrf(page.body()));
            h.post(browser, link + "/verify", "csrf=" + PortalHarness.csrf(codePage.body()) + "&code="
                    + h.sent.get(0).code());
            HttpResponse<String> ready = h.get(browser, link);
            HttpResponse<byte[]> file = h.post(browser, link + "/download", "csrf=" + PortalHarness.csrf(ready.body()),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(file.body()).isEqualTo(CONTENT);
            h.get(browser, "/l/not-a-token");

            HttpResponse<String> response = get(operations, "/metrics");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/plain"));
            Map<String, Double> samples = samples(response.body());
            assertThat(samples).containsEntry("outward_portal_requests_total{route=\"link\",code=\"200\",}", 4.0)
                    .containsEntry("outward_portal_requests_total{route=\"link\",code=\"303\",}", 1.0)
                    .containsEntry("outward_portal_requests_total{route=\"link\",code=\"404\",}", 1.0)
                    .containsEntry("outward_portal_codes_sent_total", 1.0)
                    .containsEntry("outward_portal_downloads_total", 1.0)
                    .containsEntry("outward_portal_request_duration_seconds_count{route=\"link\",}", 6.0);
            assertThat(samples.get("outward_portal_request_duration_seconds_sum{route=\"link\",}")).isPositive();
            assertThat(response.body()).as("no token, address or file name in a metric")
                    .doesNotContain(deposit.link().encoded()).doesNotContain("example.org").doesNotContain("canvass");
        }
    }

    private static HttpResponse<String> get(PortalOperations operations, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + operations.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The samples of the Prometheus text format, by name with labels as written. */
    private static Map<String, Double> samples(String text) {
        Map<String, Double> samples = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        }
        return samples;
    }

    private static void deleteRecursively(Path path) throws Exception {
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path each : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(each);
            }
        }
    }
}
