package org.outward.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;

/**
 * The operator's view of the real gateway: mail goes in over SMTP, and James's WebAdmin serves Outward's counts
 * in the Prometheus text format at /metrics, scraped here over HTTP. The audit logger writes one JSON object per
 * decision.
 */
class MetricsEndToEndTest {

    private static final String SENDER = "sam.volunteer@party.example";
    private static final String OUTSIDE = "alex.agent@example.org";

    @TempDir
    Path work;

    private GreenMail outside;
    private EmbeddedGateway gateway;
    private WebAdminClient webAdmin;
    private ListAppender<ILoggingEvent> audit;

    @BeforeEach
    void start() throws Exception {
        audit = new ListAppender<>();
        audit.start();
        ((Logger) LoggerFactory.getLogger("org.outward.audit")).addAppender(audit);
        outside = RelayingGateway.startOutside();
        gateway = RelayingGateway.start(work, outside);
        webAdmin = new WebAdminClient(gateway.webAdminPort());
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger("org.outward.audit")).detachAppender(audit);
        RelayingGateway.stop(gateway, outside);
    }

    @Test
    void verdictActionRuleAndInspectionTimeAreServedToPrometheus() throws Exception {
        Map<String, Double> before = scrape();
        assertThat(before).containsKeys("outward_verdict_block_total", "outward_verdict_pass_total",
                "outward_action_quarantine_total", "outward_inspection_failed_total");

        send("The spreadsheet", "Hi Alex,\n\nThe password is Kettle-Harbour-42\n\nSam\n");
        webAdmin.awaitKeys("outward-blocked", 1, Duration.ofSeconds(30));
        send("Saturday", "Hi Alex,\n\nSee you at the leaflet run.\n");
        assertThat(outside.waitForIncomingEmail(30_000, 2)).as("the clean message and the notice").isTrue();

        Map<String, Double> after = scrape();
        assertThat(moved(before, after, "outward_verdict_block_total")).isEqualTo(1.0);
        assertThat(moved(before, after, "outward_verdict_pass_total")).as("notices are not judged").isEqualTo(1.0);
        assertThat(moved(before, after, "outward_verdict_quarantine_total")).isZero();
        assertThat(moved(before, after, "outward_action_block_total")).isEqualTo(1.0);
        assertThat(after.get("outward_rule_password_in_message_total")).isEqualTo(1.0);
        assertThat(moved(before, after, "outward_inspection_duration_seconds_count")).isEqualTo(2.0);
        // simpleclient 0.x writes a comma after the last label: outward_inspection_duration_seconds{quantile="0.99",}
        assertThat(after.entrySet()).filteredOn(e -> e.getKey().startsWith("outward_inspection_duration_seconds{quantile=\"0.99\""))
                .singleElement().satisfies(e -> assertThat(e.getValue()).as("seconds").isPositive());
        assertThat(after.get("outward_vault_items")).isCloseTo(0.0, within(0.0));
        assertThat(after.get("outward_held_blocked_mails")).as("held, by repository").isEqualTo(1.0);
        assertThat(after.get("outward_held_quarantine_mails")).isZero();
        assertThat(after).containsKey("outward_parser_processes_lost");
        assertThat(after.keySet()).as("no address reaches a metric")
                .noneMatch(name -> name.contains("alex") || name.contains("sam_volunteer") || name.contains("example"));
    }

    @Test
    void theAuditLogIsOneJsonObjectPerDecisionWithoutContent() throws Exception {
        send("The spreadsheet", "Hi Alex,\n\nThe password is Kettle-Harbour-42\n\nSam\n");
        webAdmin.awaitKeys("outward-blocked", 1, Duration.ofSeconds(30));

        // The policy version loaded at start-up is a line too.
        List<String> decisions = audit.list.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(l -> l.contains("\"event\":\"decision\"")).toList();
        assertThat(decisions).hasSize(1);
        String line = decisions.get(0);
        assertThat(line).doesNotContain("\n").doesNotContain("Kettle-Harbour-42");
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.get("event").asText()).isEqualTo("decision");
        assertThat(json.get("verdict").asText()).isEqualTo("block");
        assertThat(json.get("recipients").get(0).get("rules").get(0).asText()).isEqualTo("password-in-message");
    }

    private void send(String subject, String text) throws Exception {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        MailClient.message(SENDER, OUTSIDE, subject, text).writeTo(raw);
        MailClient.submit(gateway.smtpPort(), raw.toByteArray(), SENDER, OUTSIDE);
    }

    private Map<String, Double> scrape() throws Exception {
        return webAdmin.metrics();
    }

    private static double moved(Map<String, Double> before, Map<String, Double> after, String name) {
        assertThat(after).containsKey(name);
        return after.get(name) - before.getOrDefault(name, 0.0);
    }
}
