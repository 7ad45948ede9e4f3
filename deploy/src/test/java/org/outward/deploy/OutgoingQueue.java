package org.outward.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** RemoteDelivery's {@code outgoing} queue as WebAdmin shows it: the mail waiting, each with its next attempt. */
final class OutgoingQueue {

    private static final int BROWSE_ATTEMPTS = 10;

    private final ObjectMapper json = new ObjectMapper();
    private final WebAdminClient webAdmin;

    OutgoingQueue(int webAdminPort) {
        this.webAdmin = new WebAdminClient(webAdminPort);
    }

    /**
     * The waiting mail: name, sender, recipients, nextDelivery. James 3.8.1's ActiveMQ queue answers a browse with
     * 500 when a mail it lists is being moved for its next attempt at that moment (its body file is gone before the
     * message is), so a browse during many retries is asked again, a few times.
     */
    JsonNode mails() throws Exception {
        HttpResponse<String> response;
        for (int attempt = 1; ; attempt++) {
            response = HttpClient.newHttpClient().send(webAdmin.request("/mailQueues/outgoing/mails").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 500 || attempt == BROWSE_ATTEMPTS) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(response.statusCode()).as("GET /mailQueues/outgoing/mails").isEqualTo(200);
        return json.readTree(response.body());
    }

    void awaitEmpty() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (mails().size() > 0) {
            assertThat(System.nanoTime()).as("the outgoing queue empties").isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    /** Asks James to try the waiting mail now rather than at its next planned attempt. */
    void flush() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(webAdmin.request("/mailQueues/outgoing/mails?delayed=true")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"delayed\": false}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("flush: " + response.body()).isEqualTo(204);
    }
}
