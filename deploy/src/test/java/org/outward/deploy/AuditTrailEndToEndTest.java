package org.outward.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.net.URI;
import java.util.Set;

import javax.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.outward.audit.AuditTrail;
import org.outward.audit.HeldMailRef;

import picocli.CommandLine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The audit trail as the running gateway writes it to its file: real messages judged by the embedded James (the
 * corpus's canvass mail, a password in a body, a message whose sender-controlled values try to forge a line, a clean
 * one), every line checked against {@code docs/audit.schema.json} with a maintained validator, and no line holding
 * the password, an identifier from the canvass list, or a second event smuggled in by a sender.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTrailEndToEndTest {

    static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    static final String SENDER = "sam.volunteer@party.example";
    static final String OUTSIDE = "alex.agent@example.org";
    static final String SECRET = "Kettle-Harbour-42";
    static final String FORGED = "{\"v\":1,\"time\":\"2026-12-07T00:00:00.000Z\",\"node\":\"x\",\"id\":\"00000000-0000-4000-8000-000000000000\",\"event\":\"release\",\"actor\":\"dpo\"}";

    @TempDir
    static Path work;

    GreenMail outside;
    EmbeddedGateway gateway;
    List<String> lines;
    /** After the four messages were judged: the digests the tests send later are judged too. */
    Instant judgedBy;
    /** The SHA-256 of the policy file the four were judged by. */
    String policySha;

    @BeforeAll
    void judgeRealMessages() throws Exception {
        outside = RelayingGateway.startOutside();
        gateway = RelayingGateway.start(work, outside);
        MailClient.submit(gateway.smtpPort(), canvassMail(), SENDER, OUTSIDE);
        MailClient.submit(gateway.smtpPort(), raw(MailClient.message(SENDER, OUTSIDE, "The spreadsheet",
                "Hi Alex,\n\nThe password is " + SECRET + "\n\nSam\n")), SENDER, OUTSIDE);
        MailClient.submit(gateway.smtpPort(), forgingMail(), SENDER, OUTSIDE);
        MailClient.submit(gateway.smtpPort(), raw(MailClient.message(SENDER, OUTSIDE, "Saturday",
                "Hi Alex,\n\nSee you at the leaflet run.\n")), SENDER, OUTSIDE);
        lines = awaitDecisions(4);
        judgedBy = Instant.now().plusMillis(1);
        policySha = sha256(Files.readAllBytes(work.resolve("policy.yaml")));
    }

    @AfterAll
    void stop() {
        RelayingGateway.stop(gateway, outside);
    }

    @Test
    void everyLineIsOneObjectTheSchemaAccepts() throws Exception {
        JsonSchema schema = schema();
        ObjectMapper json = new ObjectMapper();
        List<String> kinds = new ArrayList<>();
        for (String line : lines) {
            JsonNode node = json.readTree(line);
            Set<ValidationMessage> problems = schema.validate(node);
            assertThat(problems).as(line).isEmpty();
            kinds.add(node.get("event").asText());
        }
        assertThat(kinds).contains("policy-change", "decision");
    }

    /** The admin actions as the console writes them, through the same writer. */
    @Test
    void theAdminActionsTheConsoleWritesAreLinesTheSchemaAccepts() throws Exception {
        JsonSchema schema = schema();
        List<String> written = new ArrayList<>();
        AuditTrail trail = new AuditTrail(java.time.Clock.systemUTC(), "console-1", written::add);
        HeldMailRef held = new HeldMailRef("file://var/mail/outward-quarantine/", "Mail1-2", "<m1@party.example>");
        trail.signIn("dpo", true, "password+totp");
        trail.signIn("unknown", false, "password");
        trail.release("dpo", held, "the printer's contract covers it");
        trail.delete("dpo", held, "");
        trail.revoke("admin", "ab".repeat(32), "<m1@party.example>", "wrong recipient");
        trail.purge("admin", 4);
        trail.policyChange("admin", "/etc/outward/policy.yaml", "0".repeat(64), "reloaded", 12);
        trail.export("dpo", "statistics", "2026-12-01", "2026-12-07", 3);

        for (String line : written) {
            assertThat(schema.validate(new ObjectMapper().readTree(line))).as(line).isEmpty();
        }
        assertThat(schema.validate(new ObjectMapper().readTree(written.get(5).replace("\"items\":4", "\"items\":\"4\""))))
                .as("a purge whose count is text").isNotEmpty();
    }

    @Test
    void aSchemaThatIsNotFollowedIsNoticed() throws Exception {
        JsonSchema schema = schema();
        String decision = lines.stream().filter(l -> l.contains("\"event\":\"decision\"")).findFirst().orElseThrow();
        assertThat(schema.validate(new ObjectMapper().readTree(decision.replace("\"verdict\":\"", "\"verdict\":\"x"))))
                .isNotEmpty();
        assertThat(schema.validate(new ObjectMapper().readTree(decision.replaceFirst("\\.[0-9]{3}Z\"", "Z\""))))
                .as("a time without milliseconds").isNotEmpty();
    }

    @Test
    void noLineHoldsThePasswordOrAnIdentifierFromTheCanvassList() throws Exception {
        String trail = String.join("\n", lines);
        assertThat(canvassIdentifiers()).hasSizeGreaterThan(50);
        assertNoContent(trail);
        assertThat(trail).as("the findings are there, redacted").contains("\"kind\":\"special-category-data\"")
                .contains("\"rules\":[\"password-in-message\"]");
    }

    @Test
    void aSenderCannotForgeALineWithANewlineInTheSubjectMessageIdOrFileName() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (String line : lines) {
            assertThat(line.chars()).as("printable ASCII only").allMatch(c -> c >= 0x20 && c < 0x7f);
            JsonNode node = json.readTree(line);
            assertThat(node.get("event").asText()).isNotEqualTo("release");
        }
        JsonNode forged = lines.stream().map(l -> read(json, l))
                .filter(n -> n.path("messageId").asText().startsWith("<forged.1@party.example>")).findFirst().orElseThrow();
        assertThat(forged.get("messageId").asText()).as("kept whole, in the one line").contains("\r\n ").contains(FORGED);
        // The inspection already names parts with control characters shown as escapes; the line keeps the whole name.
        assertThat(forged.get("findings").findValuesAsText("part")).anySatisfy(part -> assertThat(part)
                .startsWith("2/list").contains(FORGED).endsWith(".csv"));
    }

    @Test
    void anEditedPolicyIsAPolicyChangeWithTheHashOfTheNewFile() throws Exception {
        Path policy = work.resolve("policy.yaml");
        Files.writeString(policy, Files.readString(policy) + "\n# edited for the audit test\n");
        Files.setLastModifiedTime(policy, java.nio.file.attribute.FileTime.from(Instant.now().plusSeconds(5)));
        String edited = sha256(Files.readAllBytes(policy));
        Thread.sleep(2_500); // the policy file is looked at every 2 seconds at most

        MailClient.submit(gateway.smtpPort(), raw(MailClient.message(SENDER, OUTSIDE, "Sunday", "See you.\n")), SENDER, OUTSIDE);

        Instant deadline = Instant.now().plusSeconds(30);
        while (Files.readAllLines(gateway.auditFile()).stream().noneMatch(l -> l.contains("\"reloaded\""))) {
            assertThat(Instant.now()).as("a reloaded line").isBefore(deadline);
            Thread.sleep(200);
        }
        JsonNode change = Files.readAllLines(gateway.auditFile()).stream().filter(l -> l.contains("\"reloaded\""))
                .map(l -> read(new ObjectMapper(), l)).findFirst().orElseThrow();
        assertThat(change.get("event").asText()).isEqualTo("policy-change");
        assertThat(change.get("sha256").asText()).isEqualTo(edited).isNotEqualTo(policySha);
        assertThat(change.get("file").asText()).isEqualTo(policy.toString());
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    // ---- the incident export ------------------------------------------------------------------------------

    @Test
    void theExportOfABlockedMessageSaysNothingLeftWhatWasFoundAndWhatAnAdminDidSince() throws Exception {
        AuditTrail.toLog().release("dpo", new HeldMailRef("file://var/mail/outward-blocked/", "k1",
                "<canvass-attached.1@party.example>"), "the printer's contract covers it");
        StringWriter out = new StringWriter();

        assertThat(run(out, "audit", "export", "--audit", gateway.auditFile().toString(), "--message-id",
                "<canvass-attached.1@party.example>", "--json")).isZero();

        JsonNode export = new ObjectMapper().readTree(out.toString());
        assertThat(export.get("messages")).hasSize(1);
        JsonNode message = export.get("messages").get(0);
        assertThat(message.get("sender").asText()).isEqualTo(SENDER);
        assertThat(message.get("verdict").asText()).isEqualTo("block");
        assertThat(message.get("recipients").get(0).get("address").asText()).isEqualTo(OUTSIDE);
        assertThat(message.get("recipients").get(0).get("left").asText()).as("released after the block").isEqualTo("released");
        assertThat(message.get("findings").findValuesAsText("kind")).contains("special-category-data");
        assertThat(message.get("findings").findValuesAsText("evidence")).anySatisfy(e -> assertThat(e)
                .startsWith("27 records with health, political opinion (e.g. R***** P*******, N24 6**"));
        assertThat(message.get("policy").get("sha256").asText()).isEqualTo(policySha);
        assertThat(message.get("actions").findValuesAsText("event")).containsExactly("release");
        assertThat(message.get("actions").findValuesAsText("actor")).containsExactly("dpo");
        assertNoContent(out.toString());
    }

    @Test
    void theExportBySenderTellsWhatLeftAndWhatDidNot() throws Exception {
        StringWriter out = new StringWriter();

        assertThat(run(out, "audit", "export", "--audit", gateway.auditFile().getParent().toString(), "--sender", SENDER,
                "--since", "1h", "--until", judgedBy.toString())).isZero();

        String text = out.toString();
        assertThat(text).contains("4 messages.").contains("Message-ID  <canvass-attached.1@party.example>")
                .contains(OUTSIDE + ": pass, what left: delivered")
                .contains(OUTSIDE + ": block (password-in-message), what left: not-delivered");
        assertThat(text.lines()).as("no line of a sender's making").noneMatch(line -> line.startsWith("{"));
        assertNoContent(text);
    }

    // ---- the DPO's digest ---------------------------------------------------------------------------------

    @Test
    void theDigestCountsByVerdictDayAndRuleAndListsTheHeldMailWithItsRules() throws Exception {
        StringWriter out = new StringWriter();

        assertThat(run(out, "audit", "digest", "--audit", gateway.auditFile().toString(), "--since", "1h",
                "--until", judgedBy.toString(), "--webadmin", "http://127.0.0.1:" + gateway.webAdminPort(),
                "--console-url", "https://console.party.example/")).isZero();

        String text = out.toString();
        assertThat(text).contains("Messages judged: 4").contains("  blocked: 3").contains("  sent: 1")
                .contains("password-in-message: 1").contains("Waiting for a decision: 3")
                .contains("from " + SENDER + ", 1 recipient(s), password-in-message [var/mail/outward-blocked ")
                .doesNotContain("1970").doesNotContain("rules not in the trail")
                .contains("Decide in the admin console: https://console.party.example/")
                .contains(" loaded sha256 ");
        assertNoContent(text);
    }

    @Test
    void theDigestReachesTheDpoOverSmtpInTheNoticeLanguage() throws Exception {
        Path policy = work.resolve("digest-policy.yaml");
        Files.writeString(policy, Files.readString(work.resolve("policy.yaml")).replace("language: en",
                "language: both\n  dpo-address: dpo@party.example"));
        StringWriter out = new StringWriter();

        assertThat(run(out, "audit", "digest", "--audit", gateway.auditFile().toString(), "--since", "1h",
                "--until", judgedBy.toString(), "--webadmin", "http://127.0.0.1:" + gateway.webAdminPort(),
                "--policy", policy.toString(),
                "--send", "--smtp", "127.0.0.1:" + gateway.smtpPort())).as(out.toString()).isZero();

        MimeMessage digest = awaitDigestTo("dpo@party.example");
        assertThat(digest).as("the digest, relayed by the gateway to the outside world").isNotNull();
        assertThat(digest.getAllRecipients()[0].toString()).isEqualTo("dpo@party.example");
        assertThat(digest.getSubject()).isEqualTo("Crynodeb Outward i'r swyddog diogelu data / Outward digest for the data protection officer");
        String body = MailClient.leaves(digest).get(0).content();
        assertThat(body).contains("Negeseuon a archwiliwyd: ").contains("Yn aros am benderfyniad: 3")
                .contains("Messages judged: ").containsPattern("O (Llun|Maw|Mer|Iau|Gwen|Sad|Sul) ");
        assertNoContent(body);
    }

    @Test
    void theRunningGatewaySendsTheDigestOnItsSchedule() throws Exception {
        DigestDelivery delivery = new DigestDelivery(gateway.auditFile(),
                Optional.of(URI.create("http://127.0.0.1:" + gateway.webAdminPort())), Optional.empty(),
                work.resolve("policy.yaml"), Optional.empty(), "127.0.0.1", gateway.smtpPort(),
                Optional.of("dpo-scheduled@party.example"), Optional.empty());

        try (DigestSchedule schedule = DigestSchedule.start(delivery, DigestSchedule.Every.DAILY, Duration.ZERO)) {
            MimeMessage digest = awaitDigestTo("dpo-scheduled@party.example");
            assertThat(digest.getSubject()).isEqualTo("Outward digest for the data protection officer");
            assertThat(MailClient.leaves(digest).get(0).content()).contains("  blocked: 3").contains("Waiting for a decision: 3");
        }
    }

    private MimeMessage awaitDigestTo(String dpo) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            for (MimeMessage message : outside.getReceivedMessages()) {
                if (message.getHeader("X-Outward-Digest") != null && message.getAllRecipients()[0].toString().equals(dpo)) {
                    return message;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no digest reached " + dpo);
    }

    private static int run(StringWriter out, String... args) {
        CommandLine command = GatewayCommand.commandLine();
        StringWriter err = new StringWriter();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        int status = command.execute(args);
        assertThat(err.toString()).as("standard error").isEmpty();
        return status;
    }

    /** Neither the password nor any name, street, postcode or phone number of the canvass list. */
    private static void assertNoContent(String report) throws Exception {
        assertThat(report).doesNotContain(SECRET).doesNotContain("Kettle");
        for (String identifier : canvassIdentifiers()) {
            assertThat(report).as("an identifier from the canvass list").doesNotContainIgnoringCase(identifier);
        }
    }

    static JsonSchema schema() throws Exception {
        try (InputStream in = Files.newInputStream(REPO.resolve("docs/audit.schema.json"))) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    // ---- what the tests send -------------------------------------------------------------------------------

    static byte[] canvassMail() throws Exception {
        return Files.readAllBytes(REPO.resolve("test-fixtures/mail/canvass-attached.eml"));
    }

    /** The canvass list's names, street addresses, postcodes and phone numbers. */
    static List<String> canvassIdentifiers() throws Exception {
        List<String> identifiers = new ArrayList<>();
        String[] rows = canvassCsv().split("\n");
        for (int i = 1; i < rows.length; i++) {
            String[] cells = rows[i].split(",");
            for (int column = 0; column < Math.min(5, cells.length); column++) {
                if (cells[column].length() >= 3) {
                    identifiers.add(cells[column]);
                }
            }
        }
        return identifiers;
    }

    static String canvassCsv() throws Exception {
        MimeMessage message = MailClient.parse(canvassMail());
        return MailClient.leaves(message).stream().filter(leaf -> "canvass.csv".equals(leaf.fileName())).findFirst()
                .orElseThrow().content();
    }

    /**
     * A message whose Subject, folded Message-ID and attachment file name (RFC 2231, with a newline and a Unicode
     * line separator) each carry a second audit line.
     */
    static byte[] forgingMail() throws Exception {
        String file = "list%0A" + java.net.URLEncoder.encode(FORGED, StandardCharsets.UTF_8).replace("+", "%20")
                + "%E2%80%A8.csv";
        String subject = "=?UTF-8?B?" + Base64.getEncoder().encodeToString(("Leaflets\n" + FORGED)
                .getBytes(StandardCharsets.UTF_8)) + "?=";
        String csv = Base64.getMimeEncoder().encodeToString(canvassCsv().getBytes(StandardCharsets.UTF_8));
        String text = "From: " + SENDER + "\r\nTo: " + OUTSIDE + "\r\nSubject: " + subject
                + "\r\nMessage-ID: <forged.1@party.example>\r\n " + FORGED
                + "\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
                + "--b1\r\nContent-Type: text/plain\r\n\r\nThe list.\r\n"
                + "--b1\r\nContent-Type: text/csv\r\nContent-Disposition: attachment; filename*=UTF-8''" + file
                + "\r\nContent-Transfer-Encoding: base64\r\n\r\n" + csv + "\r\n--b1--\r\n";
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] raw(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    /** The audit file's lines once it holds this many decisions. */
    List<String> awaitDecisions(int decisions) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            List<String> now = Files.exists(gateway.auditFile()) ? Files.readAllLines(gateway.auditFile()) : List.of();
            if (now.stream().filter(l -> l.contains("\"event\":\"decision\"")).count() >= decisions) {
                return now;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the audit file holds " + now.size() + " lines, not " + decisions + " decisions");
            }
            Thread.sleep(200);
        }
    }

    private static JsonNode read(ObjectMapper json, String line) {
        try {
            return json.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
