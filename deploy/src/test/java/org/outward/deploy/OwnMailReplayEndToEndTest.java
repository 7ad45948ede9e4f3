package org.outward.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.mail.AuthenticationFailedException;
import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outward.portal.Portal;
import org.outward.submission.CodeMailText;
import org.outward.submission.PortalCredential;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;

/**
 * The insider's replay: a member who has seen the gateway's own mail (a one-time code mail for an address they
 * own, the portal's first-download notice, a teaching notice) copies its headers, Message-ID included, onto a
 * message of their own with a canvass attached, addressed to someone else, and submits it to the gateway over
 * SMTP. Each must be judged like any member's mail. Real James, the in-process portal, GreenMail outside.
 */
class OwnMailReplayEndToEndTest {

    private static final String MEMBER = "sam.volunteer@party.example";
    /** An outside address the member owns: the recipient of the member's own secure link. */
    private static final String MEMBERS_OWN_OUTSIDE = "sam.private@example.org";
    private static final String OUTSIDER = "data.broker@example.net";
    private static final Pattern LINK = Pattern.compile("http://127\\.0\\.0\\.1:\\d+(/l/[A-Za-z0-9_-]+)");
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern CODE = Pattern.compile("\\b(\\d{8})\\b");

    @TempDir
    Path work;

    private GreenMail outside;
    private EmbeddedGateway gateway;
    private Portal portal;
    private WebAdminClient webAdmin;
    private URI portalUrl;
    private byte[] canvass;

    @BeforeEach
    void start() throws Exception {
        outside = RelayingGateway.startOutside();
        int portalPort = FreePort.find();
        portalUrl = URI.create("http://127.0.0.1:" + portalPort);
        gateway = RelayingGateway.startForPortal(work, outside, portalUrl);
        portal = TryOutPortal.start(gateway, portalPort, portalUrl);
        webAdmin = new WebAdminClient(gateway.webAdminPort());
        try (InputStream in = getClass().getResourceAsStream("/fixtures/personal/positive/canvass-1.csv")) {
            canvass = in.readAllBytes();
        }
    }

    @AfterEach
    void stop() {
        if (portal != null) {
            portal.close();
        }
        RelayingGateway.stop(gateway, outside);
    }

    @Test
    void replayedCodeMailDownloadNoticeAndTeachingNoticeAreEachJudged() throws Exception {
        // The member earns genuine gateway mail: a secure link to an address of their own, its code, its download.
        submit(MailClient.withAttachment(MEMBER, MEMBERS_OWN_OUTSIDE, "[secure] returns", "For me at home.",
                "canvass.csv", canvass, "text/csv"), MEMBER, MEMBERS_OWN_OUTSIDE);
        String link = firstMatch(LINK, await(MEMBERS_OWN_OUTSIDE, m -> subject(m).contains("returns")));
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String page = get(browser, link).body();
        String codePage = post(browser, link + "/code", "csrf=" + csrf(page)).body();
        MimeMessage codeMail = await(MEMBERS_OWN_OUTSIDE, OwnMailReplayEndToEndTest::isCodeMail);
        Matcher code = CODE.matcher(GreenMailUtil.getBody(codeMail));
        assertThat(code.find()).as("the code mail carries a code").isTrue();
        assertThat(post(browser, link + "/verify", "csrf=" + csrf(codePage) + "&code=" + code.group(1)).statusCode())
                .isEqualTo(303);
        String ready = get(browser, link).body();
        assertThat(post(browser, link + "/download", "csrf=" + csrf(ready)).statusCode()).isEqualTo(200);
        MimeMessage downloadNotice = await(MEMBER, m -> subject(m).toLowerCase(Locale.ROOT).contains("download"));

        // ... and a teaching notice, for a canvass sent without the secure tag.
        submit(MailClient.withAttachment(MEMBER, MEMBERS_OWN_OUTSIDE, "returns again", "Oops.", "canvass.csv",
                canvass, "text/csv"), MEMBER, MEMBERS_OWN_OUTSIDE);
        MimeMessage teachingNotice = await(MEMBER, m -> m != downloadNotice
                && subject(m).toLowerCase(Locale.ROOT).contains("not sent"));

        // The replays: the captured headers as they arrived, a canvass of the member's own, to an outsider.
        List<MimeMessage> captured = List.of(codeMail, downloadNotice, teachingNotice);
        for (MimeMessage original : captured) {
            byte[] replay = withSameHeaders(original, MailClient.withAttachment(MEMBER, OUTSIDER, "x", "Here you go.",
                    "members.csv", canvass, "text/csv"));
            MailClient.submit(gateway.smtpPort(), replay, original.getFrom()[0].toString(), OUTSIDER);
        }

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline && webAdmin.keys("outward-blocked").size() < 1 + captured.size()) {
            Thread.sleep(200);
        }
        assertThat(webAdmin.keys("outward-blocked")).as("each replay judged and blocked, with the first send")
                .hasSize(1 + captured.size());
        assertThat(mailbox(OUTSIDER)).as("nothing reached the outsider").isEmpty();
    }

    @Test
    void thePortalsListenerTakesOnlyThePortalsLoginAndJudgesWhatIsNotThePortalsMail() throws Exception {
        EmbeddedGateway.PortalListener listener = gateway.portalListener().orElseThrow();
        PortalCredential portalLogin = PortalCredential.load(listener.submissionKey());
        byte[] canvassMail = raw(MailClient.withAttachment(MEMBER, OUTSIDER, "Your one-time code", "Here.",
                "members.csv", canvass, "text/csv"));

        // Without a login, with a guessed one, or with a member's James account: no relaying at all.
        webAdmin.put("/domains/party.example");
        webAdmin.put("/users/" + MEMBER, "{\"password\":\"members-own-Passw0rd\"}");
        assertThatThrownBy(() -> MailClient.submit(listener.port(), canvassMail, MEMBER, OUTSIDER))
                .as("no login").isInstanceOf(MessagingException.class);
        assertThatThrownBy(() -> MailClient.submit(listener.port(), PortalCredential.USERNAME, "guess", canvassMail,
                MEMBER, OUTSIDER)).as("a wrong password").isInstanceOf(AuthenticationFailedException.class);
        assertThatThrownBy(() -> MailClient.submit(listener.port(), MEMBER, "members-own-Passw0rd", canvassMail,
                MEMBER, OUTSIDER)).as("a member's account").isInstanceOf(AuthenticationFailedException.class);

        // With the portal's own login (a taken-over portal), what is not the portal's mail is judged.
        MimeMessage codeShaped = MailClient.message(MEMBER, OUTSIDER, "Your one-time code", "Your code is 12345678");
        codeShaped.setHeader("X-Outward-Portal", "one-time-code");
        MimeMessage twoRecipients = MailClient.withAttachment(MEMBER, OUTSIDER, "x", "x", "members.csv", canvass,
                "text/csv");
        twoRecipients.setHeader("X-Outward-Portal", "one-time-code");
        MimeMessage listInText = MailClient.message(MEMBER, OUTSIDER, "Your one-time code",
                new String(canvass, StandardCharsets.UTF_8));
        listInText.setHeader("X-Outward-Portal", "one-time-code");
        MimeMessage codeMailAndList = MailClient.message(MEMBER, OUTSIDER, CodeMailText.subject("en"),
                CodeMailText.body("en", "12345678", 15) + "\n" + new String(canvass, StandardCharsets.UTF_8));
        codeMailAndList.setHeader("X-Outward-Portal", "one-time-code");
        MailClient.submit(listener.port(), portalLogin.username(), portalLogin.password(), canvassMail, MEMBER, OUTSIDER);
        MailClient.submit(listener.port(), portalLogin.username(), portalLogin.password(), raw(codeShaped), MEMBER,
                OUTSIDER, MEMBERS_OWN_OUTSIDE);
        MailClient.submit(listener.port(), portalLogin.username(), portalLogin.password(), raw(twoRecipients), MEMBER,
                OUTSIDER);
        MailClient.submit(listener.port(), portalLogin.username(), portalLogin.password(), raw(listInText), MEMBER,
                OUTSIDER);
        MailClient.submit(listener.port(), portalLogin.username(), portalLogin.password(), raw(codeMailAndList),
                MEMBER, OUTSIDER);

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline && webAdmin.keys("outward-blocked").size() < 4) {
            Thread.sleep(200);
        }
        assertThat(webAdmin.keys("outward-blocked")).as("the attachments and the lists in the text judged and blocked")
                .hasSize(4);
        MimeMessage judged = await(OUTSIDER, m -> subject(m).equals("Your one-time code"));
        assertThat(judged.getHeader("X-Outward-Verdict")).as("two recipients: judged (and passed)").isNotNull();
        assertThat(judged.getHeader("X-Outward-Portal")).as("the label removed from judged mail").isNull();
        assertThat(mailbox(OUTSIDER)).as("nothing else reached the outsider").hasSize(1);
    }

    private static byte[] raw(MimeMessage message) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        message.writeTo(bytes);
        return bytes.toByteArray();
    }

    /** The captured message's header lines (Message-ID, marks and all) over the new message's MIME body. */
    private static byte[] withSameHeaders(MimeMessage captured, MimeMessage body) throws Exception {
        StringBuilder raw = new StringBuilder();
        for (Enumeration<String> lines = captured.getAllHeaderLines(); lines.hasMoreElements(); ) {
            String line = lines.nextElement();
            String name = line.substring(0, Math.max(0, line.indexOf(':'))).trim().toLowerCase(Locale.ROOT);
            if (!name.startsWith("content-") && !name.equals("mime-version")) {
                raw.append(line).append("\r\n");
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        body.writeTo(bytes, new String[] {"From", "To", "Subject", "Date", "Message-ID"});
        return (raw + bytes.toString(StandardCharsets.US_ASCII)).getBytes(StandardCharsets.US_ASCII);
    }

    private void submit(MimeMessage message, String from, String to) throws Exception {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        message.writeTo(raw);
        MailClient.submit(gateway.smtpPort(), raw.toByteArray(), from, to);
    }

    private HttpResponse<String> get(HttpClient browser, String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(portalUrl.resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(HttpClient browser, String path, String form) throws Exception {
        return browser.send(HttpRequest.newBuilder(portalUrl.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String csrf(String html) {
        Matcher matcher = CSRF.matcher(html);
        assertThat(matcher.find()).as("the page has a form").isTrue();
        return matcher.group(1);
    }

    private static String firstMatch(Pattern pattern, MimeMessage message) throws Exception {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        message.writeTo(raw);
        Matcher matcher = pattern.matcher(raw.toString(StandardCharsets.UTF_8).replace("=\r\n", ""));
        assertThat(matcher.find()).as("the message has a link").isTrue();
        return matcher.group(1);
    }

    private MimeMessage await(String address, Predicate<MimeMessage> wanted) throws Exception {
        return Mailboxes.await(outside, address, wanted);
    }

    private MimeMessage[] mailbox(String address) {
        return Mailboxes.of(outside, address);
    }

    private static boolean isCodeMail(MimeMessage message) {
        return subject(message).toLowerCase(Locale.ROOT).contains("code");
    }

    private static String subject(MimeMessage message) {
        try {
            return String.valueOf(message.getSubject());
        } catch (MessagingException e) {
            return "";
        }
    }
}
