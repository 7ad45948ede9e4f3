package org.outward.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import javax.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outward.fixtures.Fixture;
import org.outward.fixtures.Fixtures;

/**
 * Try-out mode, the default of {@code deploy/gateway run}: mail is judged and then held in a local mail
 * repository that WebAdmin lists, and nothing is sent anywhere.
 */
class TryOutModeTest {

    @TempDir
    static Path work;

    private static EmbeddedGateway gateway;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        gateway = EmbeddedGateway.start(new GatewaySettings(0, 0, Optional.empty(), work, new OutboundRoute.TryOut()));
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void holdsTheJudgedMessageInTheRepositoryAndSendsNothing() throws Exception {
        Fixture fixture = Fixtures.get("mail/first-message.eml");
        MailClient.submit(gateway.smtpPort(), fixture.bytes(), "sam.volunteer@party.example", "alex.agent@example.org");

        String repository = "/mailRepositories/" + OutboundRoute.TRY_OUT_WEBADMIN_PATH;
        String keys = waitForContent(repository + "/mails", Duration.ofSeconds(30));
        String key = keys.replaceAll("[\\[\\]\"]", "").split(",")[0];

        HttpResponse<byte[]> raw = http.send(HttpRequest.newBuilder(webAdmin(repository + "/mails/" + key))
                .header("Accept", "message/rfc822").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(raw.statusCode()).isEqualTo(200);
        MimeMessage held = MailClient.parse(raw.body());
        assertThat(held.getHeader("X-Outward-Verdict")).containsExactly("pass");
        assertThat(held.getMessageID()).isEqualTo("<first-message.1@party.example>");
        assertThat(MailClient.leaves(held)).isEqualTo(MailClient.leaves(MailClient.parse(fixture.bytes())));

        // No RemoteDelivery is configured, so James has no outgoing queue: nothing can leave.
        String queues = get("/mailQueues").body();
        assertThat(queues).doesNotContain("outgoing");
        assertThat(get(repository).body()).contains("\"size\":1");
    }

    private static String waitForContent(String path, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            String body = get(path).body();
            boolean held = !body.equals("[]");
            if (held || Instant.now().isAfter(deadline)) {
                assertThat(held).as("mail held in " + path).isTrue();
                return body;
            }
            Thread.sleep(100);
        }
    }

    private static HttpResponse<String> get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(webAdmin(path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET " + path).isEqualTo(200);
        return response;
    }

    private static URI webAdmin(String path) {
        return URI.create("http://127.0.0.1:" + gateway.webAdminPort() + path);
    }
}
