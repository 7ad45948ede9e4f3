package org.outward.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import org.outward.console.Console;
import org.outward.console.ConsoleClient;
import org.outward.console.Role;

import com.icegreen.greenmail.util.GreenMail;

/**
 * The admin console on the real gateway: a canvass list sent over SMTP is blocked by the embedded James, and then,
 * over HTTP, an admin signs in with a password and a TOTP code, sees the held mail with redacted evidence, and
 * releases it (it reaches GreenMail, the outside world, marked released, and the sender is told) or deletes it.
 * A DPO can look but not act, and requests without a session, with a wrong CSRF token or with a replayed code
 * are refused. One gateway serves the whole class; each test starts from an empty held-mail repository.
 */
class ConsoleEndToEndTest {

    private static final String SENDER = ConsoleGateway.SENDER;
    private static final String OUTSIDE = ConsoleGateway.OUTSIDE;
    private static final String PASSWORD = ConsoleGateway.PASSWORD;

    @TempDir
    static Path work;

    static ConsoleGateway on;
    static GreenMail outside;
    static WebAdminClient webAdmin;
    static Console console;

    @BeforeAll
    static void start() throws Exception {
        on = new ConsoleGateway(work);
        outside = on.outside;
        webAdmin = on.webAdmin;
        console = on.console;
    }

    @AfterAll
    static void stop() {
        if (on != null) {
            on.close();
        }
    }

    @BeforeEach
    void emptyRepositories() throws Exception {
        on.clear();
    }

    @Test
    void anAdminSeesTheBlockedCanvassWithRedactedEvidenceAndReleasesItWithAReason() throws Exception {
        String key = sendCanvass("Canvass returns");
        ConsoleGateway.User user = on.newUser(Role.ADMIN);
        ConsoleClient admin = new ConsoleClient(console.port());
        assertThat(admin.signIn(user.name(), PASSWORD, on.code(user)).statusCode()).isEqualTo(303);

        String list = admin.get("/held").body();
        assertThat(list).contains("Canvass returns").contains(SENDER).contains(OUTSIDE)
                .contains("27 records: person name").contains("R***** P*******").contains("2026-")
                .doesNotContain("Predovic").doesNotContain("Westmorland");
        String page = admin.get("/held/view?repo=outward-blocked&key=" + key).body();
        assertThat(page).contains("canvass.csv").contains("text/csv").contains("multipart/mixed")
                .doesNotContain("Predovic").doesNotContain("Westmorland");

        HttpResponse<String> released = admin.post("/held/act", Map.of("action", "release",
                "reason", "Checked with Sam: the agent is entitled to it", "pick:outward-blocked/" + key, "1"));
        assertThat(released.statusCode()).isEqualTo(200);
        assertThat(released.body()).contains("Released 1 message(s)");

        MimeMessage delivered = Mailboxes.await(outside, OUTSIDE, m -> true);
        assertThat(delivered.getHeader("X-Outward-Verdict")).containsExactly("released");
        assertThat(delivered.getHeader("X-Outward-Rules")).isNotEmpty();
        MimeMessage told = Mailboxes.await(outside, SENDER, m -> subject(m).startsWith("Released: "));
        assertThat(subject(told)).isEqualTo("Released: Canvass returns");
        assertThat(webAdmin.keys("outward-blocked")).isEmpty();
        assertThat(audit()).anyMatch(line -> line.contains("\"event\":\"release\"") && line.contains("\"actor\":\"" + user.name() + "\"")
                && line.contains("\"repository\":\"file://var/mail/outward-blocked/\"")
                && line.contains("\"mailKey\":\"" + key + "\"") && line.contains("Checked with Sam")
                && line.matches(".*\"messageId\":\"<[^\"]+>\".*"));
        assertThat(audit()).anyMatch(line -> line.contains("\"event\":\"sign-in\"") && line.contains("\"actor\":\"" + user.name() + "\"")
                && line.contains("\"outcome\":\"success\"") && line.contains("\"method\":\"password+totp\""));
        java.io.StringWriter export = new java.io.StringWriter();
        picocli.CommandLine gatewayCommand = GatewayCommand.commandLine();
        gatewayCommand.setOut(new java.io.PrintWriter(export, true));
        assertThat(gatewayCommand.execute("audit", "export", "--audit", on.auditFile.toString(), "--message-id",
                delivered.getMessageID(), "--json"))
                .isZero();
        com.fasterxml.jackson.databind.JsonNode message = new ObjectMapper().readTree(export.toString()).get("messages").get(0);
        assertThat(message.get("recipients").get(0).get("left").asText()).as("the incident export").isEqualTo("released");
        // The console's release names the admin; the gateway's released says the mail went on.
        assertThat(message.get("actions").findValuesAsText("actor")).containsExactlyInAnyOrder(user.name(), "gateway");
        assertThat(message.get("actions").findValuesAsText("event")).containsExactlyInAnyOrder("release", "released");
        JsonSchema schema = AuditTrailEndToEndTest.schema();
        for (String line : audit()) {
            assertThat(schema.validate(new ObjectMapper().readTree(line))).as(line).isEmpty();
        }
    }

    /**
     * Around the console: whoever holds WebAdmin can reprocess held mail into {@code outward-released} directly. The
     * mail then leaves with no console event, so the gateway's own {@code released} line is what tells the DPO, and
     * the incident export must say it left.
     */
    @Test
    void aReleaseThroughWebAdminAroundTheConsoleIsAuditedAndTheExportSaysItLeft() throws Exception {
        String key = sendCanvass("Released around the console");

        assertThat(webAdmin.patch(WebAdminClient.repository("outward-blocked") + "/mails/" + key
                + "?action=reprocess&processor=outward-released").statusCode()).isEqualTo(201);

        MimeMessage delivered = Mailboxes.await(outside, OUTSIDE, m -> true);
        assertThat(delivered.getHeader("X-Outward-Verdict")).containsExactly("released");
        String messageId = delivered.getMessageID();
        awaitAudit(line -> line.contains("\"event\":\"released\"") && line.contains("\"actor\":\"gateway\"")
                && line.contains("\"mailKey\":\"" + key + "\"") && line.contains("\"messageId\":\"" + messageId + "\""));
        java.io.StringWriter export = new java.io.StringWriter();
        picocli.CommandLine gatewayCommand = GatewayCommand.commandLine();
        gatewayCommand.setOut(new java.io.PrintWriter(export, true));
        assertThat(gatewayCommand.execute("audit", "export", "--audit", on.auditFile.toString(), "--message-id",
                messageId, "--json")).isZero();
        com.fasterxml.jackson.databind.JsonNode message = new ObjectMapper().readTree(export.toString()).get("messages").get(0);
        assertThat(message.get("recipients").get(0).get("left").asText()).as("the incident export").isEqualTo("released");
        JsonSchema schema = AuditTrailEndToEndTest.schema();
        for (String line : audit()) {
            assertThat(schema.validate(new ObjectMapper().readTree(line))).as(line).isEmpty();
        }
    }

    @Test
    void anAdminDeletesHeldMailTheSenderIsToldAndTheRecipientGetsNothing() throws Exception {
        String key = sendCanvass("Canvass to delete");
        ConsoleClient admin = on.signedIn(Role.ADMIN);
        admin.get("/held");

        HttpResponse<String> deleted = admin.post("/held/act", Map.of("action", "delete",
                "reason", "Sent by mistake", "pick:outward-blocked/" + key, "1"));

        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(deleted.body()).contains("Deleted 1 message(s)");
        assertThat(webAdmin.keys("outward-blocked")).isEmpty();
        MimeMessage told = Mailboxes.await(outside, SENDER, m -> subject(m).startsWith("Deleted: "));
        assertThat(subject(told)).isEqualTo("Deleted: Canvass to delete");
        assertThat(told.getHeader("In-Reply-To")).singleElement().asString().startsWith("<");
        assertThat(text(told)).contains("An administrator deleted your message").contains(OUTSIDE)
                .doesNotContain("Sent by mistake").doesNotContain("Predovic").doesNotContain("27 records");
        Thread.sleep(1000);
        assertThat(Mailboxes.of(outside, OUTSIDE)).isEmpty();
        assertThat(audit()).anyMatch(line -> line.contains("\"event\":\"delete\"") && line.contains(key)
                && line.contains("Sent by mistake"));
        assertThat(audit()).anyMatch(line -> line.contains("\"event\":\"discarded\"") && line.contains(key)
                && line.contains("\"senderTold\":true"));
        assertThat(webAdmin.keys("error")).isEmpty();
        JsonSchema schema = AuditTrailEndToEndTest.schema();
        for (String line : audit()) {
            assertThat(schema.validate(new ObjectMapper().readTree(line))).as(line).isEmpty();
        }
    }

    @Test
    void whenThePolicySaysNotToTellNobodyHearsOfTheDeletedMail() throws Exception {
        String policy = Files.readString(on.policyFile);
        try {
            Files.writeString(on.policyFile, policy.replace("tell-sender-on-delete: true", "tell-sender-on-delete: false"));
            String key = sendCanvass("Canvass to delete quietly");
            ConsoleClient admin = on.signedIn(Role.ADMIN);
            admin.get("/held");

            HttpResponse<String> deleted = admin.post("/held/act", Map.of("action", "delete",
                    "reason", "Sent by mistake", "pick:outward-blocked/" + key, "1"));

            assertThat(deleted.body()).contains("Deleted 1 message(s)");
            assertThat(webAdmin.keys("outward-blocked")).isEmpty();
            awaitAudit(line -> line.contains("\"event\":\"discarded\"") && line.contains(key)
                    && line.contains("\"senderTold\":false"));
            Thread.sleep(2000);
            assertThat(Mailboxes.of(outside, SENDER)).as("only the notice that blocked it")
                    .noneMatch(m -> subject(m).startsWith("Deleted"));
            assertThat(Mailboxes.of(outside, OUTSIDE)).isEmpty();
        } finally {
            Files.writeString(on.policyFile, policy);
        }
    }

    @Test
    void anAdminDeletesTwoHeldMailsAtOnceAndAReleaseWithoutAReasonIsRefused() throws Exception {
        String first = sendCanvass("Canvass one");
        String second = sendCanvass("Canvass two");
        ConsoleClient admin = on.signedIn(Role.ADMIN);
        admin.get("/held");

        HttpResponse<String> noReason = admin.post("/held/act", Map.of("action", "release", "reason", " ",
                "pick:outward-blocked/" + first, "1"));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(webAdmin.keys("outward-blocked")).containsExactlyInAnyOrder(first, second);

        HttpResponse<String> deleted = admin.post("/held/act", Map.of("action", "delete", "reason", "Duplicates",
                "pick:outward-blocked/" + first, "1", "pick:outward-blocked/" + second, "1"));

        assertThat(deleted.body()).contains("Deleted 2 message(s)");
        assertThat(webAdmin.keys("outward-blocked")).isEmpty();
    }

    @Test
    void theSearchFindsBySenderRecipientOrSubject() throws Exception {
        sendCanvass("Ward 4 canvass");
        ConsoleClient dpo = on.signedIn(Role.DPO);

        assertThat(dpo.get("/held?q=ward+4").body()).contains("Ward 4 canvass");
        assertThat(dpo.get("/held?q=example.org").body()).contains("Ward 4 canvass");
        assertThat(dpo.get("/held?q=nobody.here").body()).doesNotContain("Ward 4 canvass").contains("No held mail matches");
    }

    @Test
    void aDpoSeesHeldMailButCannotReleaseIt() throws Exception {
        String key = sendCanvass("Canvass for the DPO");
        ConsoleClient dpo = on.signedIn(Role.DPO);
        String list = dpo.get("/held").body();
        assertThat(list).contains("Canvass for the DPO").doesNotContain("Release selected");

        HttpResponse<String> forged = dpo.post("/held/act", Map.of("action", "release", "reason", "I want it out",
                "pick:outward-blocked/" + key, "1"));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(webAdmin.keys("outward-blocked")).containsExactly(key);
        assertThat(audit()).noneMatch(line -> line.contains("\"event\":\"release\"") && line.contains("\"actor\":\"dpo-"));
    }

    @Test
    void requestsWithoutASessionOrWithAWrongCsrfTokenAreRefused() throws Exception {
        String key = sendCanvass("Canvass under attack");
        Map<String, String> release = Map.of("action", "release", "reason", "x", "pick:outward-blocked/" + key, "1");

        ConsoleClient stranger = new ConsoleClient(console.port());
        assertThat(stranger.get("/held").statusCode()).isEqualTo(303);
        assertThat(stranger.postRaw("/held/act", release).statusCode()).as("no CSRF cookie or field").isEqualTo(403);
        stranger.get("/signin");
        assertThat(stranger.post("/held/act", release).statusCode()).as("a valid form token, no session").isEqualTo(401);

        ConsoleClient admin = on.signedIn(Role.ADMIN);
        admin.get("/held");
        Map<String, String> wrongToken = new java.util.HashMap<>(release);
        wrongToken.put("csrf", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        assertThat(admin.postRaw("/held/act", wrongToken).statusCode()).isEqualTo(403);
        assertThat(admin.postRaw("/held/act", release).statusCode()).isEqualTo(403);

        assertThat(webAdmin.keys("outward-blocked")).containsExactly(key);
    }

    @Test
    void aTotpCodeWorksOnceAndAWrongOneIsRefused() throws Exception {
        ConsoleGateway.User user = on.newUser(Role.ADMIN);
        String code = on.code(user);
        ConsoleClient first = new ConsoleClient(console.port());
        HttpResponse<String> signedIn = first.signIn(user.name(), PASSWORD, code);
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("ow_console=").contains("; HttpOnly").contains("; SameSite=Strict").contains("; Path=/"));

        ConsoleClient replay = new ConsoleClient(console.port());
        HttpResponse<String> replayed = replay.signIn(user.name(), PASSWORD, code);
        assertThat(replayed.statusCode()).isEqualTo(401);
        assertThat(replayed.body()).contains("not right");
        assertThat(replay.get("/held").statusCode()).isEqualTo(303);

        ConsoleClient wrongPassword = new ConsoleClient(console.port());
        ConsoleGateway.User other = on.newUser(Role.ADMIN);
        assertThat(wrongPassword.signIn(other.name(), "not the password", on.code(other)).statusCode()).isEqualTo(401);
        ConsoleClient passwordAsName = new ConsoleClient(console.port());
        assertThat(passwordAsName.signIn(PASSWORD, PASSWORD, on.code(other)).statusCode()).isEqualTo(401);
        assertThat(audit()).anyMatch(line -> line.contains("\"event\":\"sign-in\"") && line.contains("\"actor\":\"unknown\"")
                && line.contains("\"outcome\":\"failure\"")).noneMatch(line -> line.contains(PASSWORD));
    }

    @Test
    void afterSignOutTheSessionIsGoneEvenIfItsCookieIsKept() throws Exception {
        ConsoleClient admin = on.signedIn(Role.ADMIN);
        String session = admin.cookie("ow_console");
        assertThat(admin.get("/held").statusCode()).isEqualTo(200);

        assertThat(admin.post("/signout", Map.of()).statusCode()).isEqualTo(303);

        ConsoleClient stolen = new ConsoleClient(console.port());
        stolen.setCookie("ow_console", session);
        assertThat(stolen.get("/held").statusCode()).isEqualTo(303);
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject() == null ? "" : message.getSubject();
        } catch (javax.mail.MessagingException e) {
            return "";
        }
    }

    private static List<String> audit() throws Exception {
        return on.audit();
    }

    /** Waits up to 30 seconds for a line of the audit trail. */
    private static void awaitAudit(java.util.function.Predicate<String> wanted) throws Exception {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (audit().stream().noneMatch(wanted)) {
            assertThat(System.nanoTime()).as("the audit line did not come").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static String text(MimeMessage message) throws Exception {
        return (String) ((javax.mail.Multipart) message.getContent()).getBodyPart(0).getContent();
    }

    private static String sendCanvass(String subject) throws Exception {
        return on.sendCanvass(subject);
    }
}
