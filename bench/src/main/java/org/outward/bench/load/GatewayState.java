package org.outward.bench.load;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Where the mail of a run that stopped arriving is, as the gateway's WebAdmin tells it: the size of each mail
 * queue (a mail RemoteDelivery will try again later waits in {@code outgoing}, which is no repository) and of
 * each mail repository with mail in it. One line, for the load tool to print when arrivals stall.
 */
final class GatewayState {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GatewayState() {
    }

    static String describe(int webAdminPort) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            List<String> parts = new ArrayList<>();
            for (JsonNode queue : get(http, webAdminPort, "/mailQueues")) {
                String name = queue.asText();
                JsonNode size = get(http, webAdminPort, "/mailQueues/" + encode(name)).path("size");
                parts.add("queue " + name + " " + size.asText("?"));
            }
            for (JsonNode repository : get(http, webAdminPort, "/mailRepositories")) {
                String path = repository.path("path").asText();
                long size = get(http, webAdminPort, "/mailRepositories/" + encode(path)).path("size").asLong(-1);
                if (size != 0) {
                    parts.add("repository " + repository.path("repository").asText(path) + " " + size);
                }
            }
            return String.join(", ", parts);
        } catch (Exception e) {
            return "WebAdmin did not say (" + e.getClass().getSimpleName() + ")";
        }
    }

    /** The repositories where the gateway holds the mail it does not deliver, as the policy's actions name them. */
    static final String QUARANTINE = "outward-quarantine";
    static final List<String> HELD = List.of("outward-blocked", QUARANTINE);

    /** How many mails the gateway's repository {@code var/mail/NAME} holds; 0 when it has none yet. */
    static int repositorySize(HttpClient http, int webAdminPort, String name) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webAdminPort
                + "/mailRepositories/" + encode("var/mail/" + name))).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404) {
            return 0;
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("WebAdmin answered " + response.statusCode() + " for " + name);
        }
        return JSON.readTree(response.body()).path("size").asInt();
    }

    private static JsonNode get(HttpClient http, int port, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
