package org.outward.deploy;


import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** James WebAdmin as the tests use it: mail repositories, over real HTTP. */
final class WebAdminClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    private final String token;

    WebAdminClient(int port) {
        this(port, null);
    }

    /** A client that sends this bearer token with every request (WebAdmin with JWT authentication on). */
    WebAdminClient(int port, String token) {
        this.port = port;
        this.token = token;
    }

    /** A request to this path, with the token when there is one. */
    HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path));
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    static String repository(String name) {
        return "/mailRepositories/var%2Fmail%2F" + name;
    }

    HttpResponse<String> get(String path) throws Exception {
        HttpResponse<String> response = http.send(request(path).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET " + path).isEqualTo(200);
        return response;
    }

    HttpResponse<String> patch(String path) throws Exception {
        return http.send(request(path).method("PATCH", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** PUT with a JSON body (or none), as WebAdmin's routes that create domains and users take it; expects 204. */
    void put(String path, String json) throws Exception {
        HttpResponse<String> response = http.send(request(path)
                .PUT(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("PUT " + path).isEqualTo(204);
    }

    void put(String path) throws Exception {
        put(path, null);
    }

    /** DELETE; expects 204 (a mail removed from a repository). */
    void delete(String path) throws Exception {
        HttpResponse<String> response = http.send(request(path).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("DELETE " + path).isEqualTo(204);
    }

    /** The keys of the mails in a repository (by its name under var/mail). */
    List<String> keys(String repositoryName) throws Exception {
        String body = get(repository(repositoryName) + "/mails").body();
        return Arrays.stream(body.replaceAll("[\\[\\]\"]", "").split(",")).filter(k -> !k.isBlank()).toList();
    }

    /** How many mails wait in a mail queue, as WebAdmin's {@code /mailQueues/{name}} says. */
    int queueSize(String queue) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(get("/mailQueues/" + queue).body())
                .path("size").asInt(-1);
    }

    /** Waits until the mail queue holds at least this many mails. */
    void awaitQueued(String queue, int count, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (queueSize(queue) < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(queueSize(queue)).as("mails in the queue " + queue).isGreaterThanOrEqualTo(count);
    }

    /** Waits until the repository holds this many mails, and returns their keys. */
    List<String> awaitKeys(String repositoryName, int count, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            List<String> keys = keys(repositoryName);
            if (keys.size() >= count || Instant.now().isAfter(deadline)) {
                assertThat(keys).as("mails in " + repositoryName).hasSize(count);
                return keys;
            }
            Thread.sleep(50);
        }
    }

    byte[] raw(String repositoryName, String key) throws Exception {
        HttpResponse<byte[]> response = rawResponse(repositoryName, key);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /**
     * The mail under a key, or null when the repository answers 404 for it: James's file mail repository lists
     * a key from the moment it starts storing that mail, before the mail's files are written, so a key listed
     * by {@code /mails} while mail is being stored can answer 404 when fetched (seen once in CI, in the crash
     * test).
     */
    byte[] rawIfStored(String repositoryName, String key) throws Exception {
        HttpResponse<byte[]> response = rawResponse(repositoryName, key);
        if (response.statusCode() == 404) {
            return null;
        }
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private HttpResponse<byte[]> rawResponse(String repositoryName, String key) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(repository(repositoryName) + "/mails/" + key))
                .header("Accept", "message/rfc822").build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** The samples of the Prometheus text format, by name with labels as written. */
    Map<String, Double> metrics() throws Exception {
        var response = get("/metrics");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain"));
        Map<String, Double> samples = new HashMap<>();
        for (String line : response.body().split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        }
        return samples;
    }
}
