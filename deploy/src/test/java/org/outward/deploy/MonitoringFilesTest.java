package org.outward.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outward.portal.Portal;
import org.outward.portal.PortalConfig;
import org.outward.portal.PortalOperations;
import org.outward.vault.LocalDiskVault;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;

/**
 * The Grafana dashboard and the Prometheus alert rules in deploy/monitoring name only metrics that a running gateway
 * (James's WebAdmin /metrics) or portal (its operations listener's /metrics) actually serves: both are started
 * here and scraped over HTTP, so a renamed or missing metric fails here rather than leaving a panel empty or an
 * alert that can never fire.
 */
class MonitoringFilesTest {

    private static final Path MONITORING = Path.of("monitoring");
    /** Made by Prometheus itself for every scrape target, not by the target. */
    private static final Set<String> PROMETHEUS_OWN = Set.of("up");
    private static final Set<String> PROMQL_WORDS = Set.of("and", "or", "unless", "bool", "offset");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    @TempDir
    Path work;

    @Test
    void everyMetricTheDashboardAndTheAlertRulesNameIsServed() throws Exception {
        Set<String> named = new TreeSet<>();
        for (String expression : expressions()) {
            named.addAll(metricNames(expression));
        }
        assertThat(named).as("the files name metrics at all").contains("outward_held_quarantine_mails",
                "outward_parser_processes_lost", "outward_portal_requests_total", "mailQueueSize:outgoing");

        Set<String> served = new TreeSet<>(PROMETHEUS_OWN);
        GreenMail outside = RelayingGateway.startOutside();
        EmbeddedGateway gateway = null;
        try {
            gateway = RelayingGateway.start(work, outside);
            // One message judged and delivered, so that the series made at first use exist, as in a gateway in use.
            java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
            MailClient.message("sam.volunteer@party.example", "alex.agent@example.org", "Saturday", "See you there.")
                    .writeTo(raw);
            MailClient.submit(gateway.smtpPort(), raw.toByteArray(), "sam.volunteer@party.example", "alex.agent@example.org");
            assertThat(outside.waitForIncomingEmail(30_000, 1)).isTrue();
            served.addAll(scrapedNames(URI.create("http://127.0.0.1:" + gateway.webAdminPort() + "/metrics")));
        } finally {
            RelayingGateway.stop(gateway, outside);
        }
        try (Portal portal = Portal.start(new PortalConfig(new InetSocketAddress("127.0.0.1", 0),
                        URI.create("http://localhost"), PortalConfig.Limits.DEFAULTS),
                new LocalDiskVault(work.resolve("portal-vault"), Clock.systemUTC()), mail -> { }, Clock.systemUTC());
             PortalOperations operations = PortalOperations.start(new InetSocketAddress("127.0.0.1", 0), portal)) {
            // A request of each kind, so that the labelled series exist as they do on a portal in use.
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + portal.port() + "/"))
                    .build(), HttpResponse.BodyHandlers.discarding());
            served.addAll(scrapedNames(URI.create("http://127.0.0.1:" + operations.port() + "/metrics")));
        }

        assertThat(served).as("served by the gateway or the portal").containsAll(named);
    }

    /** Every PromQL expression of the dashboard's panels and of the alert rules. */
    @SuppressWarnings("unchecked")
    private static List<String> expressions() throws Exception {
        List<String> expressions = new java.util.ArrayList<>();
        JsonNode dashboard = new ObjectMapper().readTree(MONITORING.resolve("grafana-dashboard.json").toFile());
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.get("targets")) {
                expressions.add(target.get("expr").asText());
            }
        }
        Map<String, Object> rules = (Map<String, Object>) new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(MONITORING.resolve("alert-rules.yaml")));
        for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                expressions.add((String) rule.get("expr"));
            }
        }
        assertThat(expressions).isNotEmpty();
        return expressions;
    }

    /** The metric names in a PromQL expression: what is left once labels, ranges, groupings and calls are out. */
    static Set<String> metricNames(String expression) {
        String bare = expression.replaceAll("\"[^\"]*\"", "")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher identifier = IDENTIFIER.matcher(bare);
        while (identifier.find()) {
            String word = identifier.group();
            boolean call = bare.substring(identifier.end()).stripLeading().startsWith("(");
            if (!call && !PROMQL_WORDS.contains(word)) {
                names.add(word);
            }
        }
        return names;
    }

    private static Set<String> scrapedNames(URI metrics) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(metrics).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(metrics.toString()).isEqualTo(200);
        Set<String> names = new TreeSet<>();
        for (String line : response.body().split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                names.add(line.split("[{ ]", 2)[0]);
            }
        }
        return names;
    }
}
