package org.outward.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import javax.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

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
    }

    @AfterAll
    void stop() {
        RelayingGateway.stop(gateway, outside);
    }

    @Test
    void everyLineIsOneObjectTheSchemaAccepts() throws Exception {
        JsonSchema schema;
        try (InputStream in = Files.newInputStream(REPO.resolve("docs/audit.schema.json"))) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
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

    @Test
    void aSchemaThatIsNotFollowedIsNoticed() throws Exception {
        JsonSchema schema;
        try (InputStream in = Files.newInputStream(REPO.resolve("docs/audit.schema.json"))) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
        String decision = lines.stream().filter(l -> l.contains("\"event\":\"decision\"")).findFirst().orElseThrow();
        assertThat(schema.validate(new ObjectMapper().readTree(decision.replace("\"verdict\":\"", "\"verdict\":\"x"))))
                .isNotEmpty();
        assertThat(schema.validate(new ObjectMapper().readTree(decision.replaceFirst("\\.[0-9]{3}Z\"", "Z\""))))
                .as("a time without milliseconds").isNotEmpty();
    }

    @Test
    void noLineHoldsThePasswordOrAnIdentifierFromTheCanvassList() throws Exception {
        String trail = String.join("\n", lines);
        assertThat(trail).doesNotContain(SECRET).doesNotContain("Kettle");
        List<String> identifiers = canvassIdentifiers();
        assertThat(identifiers).hasSizeGreaterThan(50);
        for (String identifier : identifiers) {
            assertThat(trail).as("an identifier from the canvass list").doesNotContainIgnoringCase(identifier);
        }
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
