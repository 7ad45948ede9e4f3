package org.outward.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;

/**
 * James's {@code GET /healthcheck} on the real embedded gateway, as the compose files' health checks call it: healthy
 * while its mail repositories and queues work, {@code 503} once a repository's folder is gone (held mail would then
 * have nowhere to go).
 */
class GatewayHealthTest {

    @TempDir
    Path work;

    private GreenMail outside;
    private EmbeddedGateway gateway;

    @BeforeEach
    void start() throws Exception {
        outside = RelayingGateway.startOutside();
        gateway = RelayingGateway.start(work, outside);
    }

    @AfterEach
    void stop() {
        RelayingGateway.stop(gateway, outside);
    }

    @Test
    void aWorkingGatewayIsHealthyAndSaysWhatItChecked() throws Exception {
        HttpResponse<String> response = healthcheck();

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode checks = new ObjectMapper().readTree(response.body()).get("checks");
        assertThat(status(checks, "Outward mail storage")).isEqualTo("healthy");
        assertThat(status(checks, "Embedded ActiveMQ")).as("the durable queue's broker").isEqualTo("healthy");
    }

    @Test
    void aMailRepositoryWhoseFolderIsGoneMakesTheGatewayUnhealthy() throws Exception {
        Path quarantine = work.resolve("james/var/mail/outward-quarantine");
        assertThat(quarantine).isDirectory();
        deleteRecursively(quarantine);
        Files.writeString(quarantine, "not a folder");

        HttpResponse<String> response = healthcheck();

        assertThat(response.statusCode()).isEqualTo(503);
        JsonNode checks = new ObjectMapper().readTree(response.body()).get("checks");
        assertThat(status(checks, "Outward mail storage")).isEqualTo("unhealthy");
        assertThat(cause(checks, "Outward mail storage")).contains("var/mail/outward-quarantine");
    }

    private HttpResponse<String> healthcheck() throws Exception {
        return HttpClient.newHttpClient().send(new WebAdminClient(gateway.webAdminPort()).request("/healthcheck")
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String status(JsonNode checks, String component) {
        return check(checks, component).get("status").asText();
    }

    private static String cause(JsonNode checks, String component) {
        return check(checks, component).get("cause").asText();
    }

    private static JsonNode check(JsonNode checks, String component) {
        for (JsonNode check : checks) {
            if (component.equals(check.get("componentName").asText())) {
                return check;
            }
        }
        throw new AssertionError("no check named " + component + " in " + checks);
    }

    private static void deleteRecursively(Path folder) throws Exception {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }
}
