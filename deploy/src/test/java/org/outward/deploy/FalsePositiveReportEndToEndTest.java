package org.outward.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;

import javax.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outward.console.ConsoleClient;
import org.outward.console.Role;
import org.outward.feedback.ReportTicket;
import org.outward.feedback.ReportToken;

/**
 * A false-positive report from the notice to a policy exception, through real James, SMTP, the portal, the console
 * and GreenMail: a canvass list is blocked; the notice's report link shows the report page (recording nothing) and
 * its form records the report once; the report reaches the console with the redacted evidence; an exception the
 * policy's own test cases disagree with is not written; once they agree the admin's exception is written, audited
 * with the report's id, and the same message sent again is delivered. Forged, altered and replayed reports and a
 * DPO's attempt to change the policy change nothing.
 */
class FalsePositiveReportEndToEndTest {

    @TempDir
    java.nio.file.Path work;

    private ReportingGateway on;

    @BeforeEach
    void start() throws Exception {
        on = new ReportingGateway(work);
    }

    @AfterEach
    void stop() {
        if (on != null) {
            on.close();
        }
    }

    @Test
    void aReportedNoticeBecomesAPolicyExceptionAndTheSameMessageThenPasses() throws Exception {
        byte[] message = ReportingGateway.message("Canvass returns");
        on.sendBlocked(message);

        // The notice, in text and HTML, carries the link; following it shows the report and records nothing.
        String text = on.notice("Canvass returns", "text/plain");
        String link = ReportingGateway.reportLink(text);
        assertThat(text).contains("Report this notice as wrong: " + link);
        assertThat(on.notice("Canvass returns", "text/html")).contains(">Report this notice as wrong</a>")
                .contains("href=\"" + link + "\"");
        ConsoleClient sender = on.portalClient();
        HttpResponse<String> page = sender.get(ReportingGateway.path(link));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("special-category-unprotected").contains("canvass.csv")
                .doesNotContain("R***** P*******");
        sender.get(ReportingGateway.path(link));
        assertThat(on.reports.reported()).as("following the link records nothing").isEmpty();

        // Made-up and altered links record nothing, whatever the form says.
        String token = ReportingGateway.path(link).substring(3);
        String altered = "/r/" + token.substring(0, 40) + (token.charAt(40) == 'A' ? 'B' : 'A') + token.substring(41);
        for (String wrong : List.of(altered, "/r/" + ReportToken.random(new SecureRandom()).encoded())) {
            assertThat(sender.post(wrong, Map.of("comment", "x")).statusCode()).isEqualTo(404);
        }
        assertThat(on.reports.reported()).isEmpty();

        assertThat(sender.post(ReportingGateway.path(link), Map.of("comment", "Alex is our election agent")).statusCode())
                .isEqualTo(200);
        assertThat(sender.post(ReportingGateway.path(link), Map.of("comment", "again")).statusCode())
                .as("a replayed report is answered but changes nothing").isEqualTo(200);
        ReportTicket report = on.reports.reported().get(0);
        assertThat(on.reports.reported()).hasSize(1);
        assertThat(report.report().orElseThrow().comment()).isEqualTo("Alex is our election agent");
        assertThat(on.audit()).filteredOn(l -> l.contains("\"event\":\"report\"")).singleElement().satisfies(line ->
                assertThat(line).contains("\"report\":\"" + report.id() + "\"").contains("\"actor\":\"sender\"")
                        .contains("special-category-unprotected").doesNotContain("election agent"));

        // The console lists it with the redacted evidence and proposes the exception as a diff.
        ConsoleClient admin = on.signedIn(Role.ADMIN);
        assertThat(admin.get("/reports").body()).contains(ReportingGateway.SENDER)
                .contains("Alex is our election agent").contains("special-category-unprotected");
        String view = admin.get("/reports/view?id=" + report.id()).body();
        String group = "report-" + report.id().substring(0, 12);
        assertThat(view).contains("R***** P*******").doesNotContain("Predovic")
                .contains("+  " + group + ": [&#39;sam.volunteer@party.example&#39;]")
                .contains("+    except-senders: [" + group + "]");
        String before = Files.readString(on.policy, StandardCharsets.UTF_8);

        // A DPO sees it but may not change the policy.
        ConsoleClient dpo = on.signedIn(Role.DPO);
        assertThat(dpo.get("/reports/view?id=" + report.id()).body()).doesNotContain("name=\"before\"");
        assertThat(dpo.post("/reports/accept", Map.of("id", report.id(), "before", sha256(before),
                "reason", "x")).statusCode()).isEqualTo(403);

        // The policy's own test case disagrees: nothing is written, and the page says why.
        on.expect("pass");
        admin.get("/reports/view?id=" + report.id());
        HttpResponse<String> refused = admin.post("/reports/accept", Map.of("id", report.id(),
                "before", sha256(before), "reason", "Alex is the agent"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("1 of 1 samples of outcomes.csv disagree")
                .contains("canvass.csv: expected pass, got block");
        assertThat(Files.readString(on.policy, StandardCharsets.UTF_8)).isEqualTo(before);
        assertThat(on.reports.find(report.id()).orElseThrow().state()).isEqualTo("reported");

        // With the test cases right, the exception passes every check and is written.
        on.expect("block");
        admin.get("/reports/view?id=" + report.id());
        HttpResponse<String> accepted = admin.post("/reports/accept", Map.of("id", report.id(),
                "before", sha256(before), "reason", "Alex is the agent"));
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(accepted.body()).contains("policy check: OK").contains("all 1 samples of outcomes.csv agree")
                .contains("reported message: judged again, now pass");
        String after = Files.readString(on.policy, StandardCharsets.UTF_8);
        assertThat(after).contains("  " + group + ": ['sam.volunteer@party.example']");
        assertThat(on.reports.find(report.id()).orElseThrow().state()).isEqualTo("accepted");
        assertThat(on.audit()).anySatisfy(line -> assertThat(line).contains("\"event\":\"policy-change\"")
                .contains("\"outcome\":\"edited\"").contains("\"report\":\"" + report.id() + "\"")
                .contains("\"sha256\":\"" + sha256(after) + "\""));

        // The gateway reloads the file by itself; the same message now goes to the agent.
        awaitReloaded(sha256(after));
        MailClient.submit(on.gateway.smtpPort(), message, ReportingGateway.SENDER, ReportingGateway.OUTSIDE);
        MimeMessage delivered = Mailboxes.await(on.outside, ReportingGateway.OUTSIDE,
                m -> ReportingGateway.subjectOf(m).equals("Canvass returns"));
        assertThat(delivered.getHeader("X-Outward-Verdict")).containsExactly("pass");
        everyAuditLineFollowsTheSchema();
    }

    @Test
    void anAdminDismissesAReportAndThePolicyStaysAsItWas() throws Exception {
        on.sendBlocked(ReportingGateway.message("Ward 4 list"));
        String link = ReportingGateway.reportLink(on.notice("Ward 4 list", "text/plain"));
        ConsoleClient sender = on.portalClient();
        sender.get(ReportingGateway.path(link));
        sender.post(ReportingGateway.path(link), Map.of("comment", ""));
        ReportTicket report = on.reports.reported().get(0);
        String before = Files.readString(on.policy, StandardCharsets.UTF_8);

        ConsoleClient admin = on.signedIn(Role.ADMIN);
        admin.get("/reports/view?id=" + report.id());
        // An exception approved on a diff of another version of the policy is not written.
        assertThat(admin.post("/reports/accept", Map.of("id", report.id(), "before", "0".repeat(64),
                "reason", "seen on an older policy")).statusCode()).isEqualTo(409);
        assertThat(Files.readString(on.policy, StandardCharsets.UTF_8)).isEqualTo(before);
        HttpResponse<String> dismissed = admin.post("/reports/dismiss", Map.of("id", report.id(),
                "reason", "A real canvass list: the notice was right"));

        assertThat(dismissed.statusCode()).isEqualTo(200);
        assertThat(on.reports.find(report.id()).orElseThrow().state()).isEqualTo("dismissed");
        assertThat(Files.readString(on.policy, StandardCharsets.UTF_8)).isEqualTo(before);
        assertThat(on.audit()).anySatisfy(line -> assertThat(line).contains("\"event\":\"report-dismissed\"")
                .contains("\"report\":\"" + report.id() + "\"").contains("the notice was right"));
        assertThat(admin.post("/reports/dismiss", Map.of("id", report.id(), "reason", "twice")).statusCode())
                .as("settled once").isEqualTo(404);
        everyAuditLineFollowsTheSchema();
    }

    /** The report, dismissal and policy-change lines as written, against docs/audit.schema.json. */
    private void everyAuditLineFollowsTheSchema() throws Exception {
        com.networknt.schema.JsonSchema schema = AuditTrailEndToEndTest.schema();
        List<String> lines = on.audit();
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"event\":\"report\""));
        for (String line : lines) {
            assertThat(schema.validate(new com.fasterxml.jackson.databind.ObjectMapper().readTree(line))).as(line).isEmpty();
        }
    }

    private static String sha256(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Waits until the gateway has put this version of the policy file in force (its policy-change event). */
    private void awaitReloaded(String sha256) throws Exception {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            // The gateway looks at the file when a message comes; a message to a colleague makes it look.
            if (on.audit().stream().anyMatch(l -> l.contains("\"outcome\":\"reloaded\"") && l.contains(sha256))) {
                return;
            }
            java.io.ByteArrayOutputStream ping = new java.io.ByteArrayOutputStream();
            MailClient.message(ReportingGateway.SENDER, "colleague@party.example", "ping", "just a note").writeTo(ping);
            MailClient.submit(on.gateway.smtpPort(), ping.toByteArray(), ReportingGateway.SENDER,
                    "colleague@party.example");
            Thread.sleep(1000);
        }
        throw new AssertionError("the gateway did not reload the policy");
    }
}
