package org.outward.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import javax.mail.Message;
import javax.mail.Multipart;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeBodyPart;
import javax.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outward.fixtures.DefaultPasswordWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The policy enforced through the real James gateway: GreenMail is the outside world and also the sender's
 * mailbox, where notices arrive. Every submitted message is accounted for: delivered, or kept in a repository.
 */
class EnforcementEndToEndTest {

    private static final String SENDER = "sam.volunteer@party.example";
    private static final String OUTSIDE = "alex.agent@example.org";
    private static final String SECRET = "Kettle-Harbour-42";

    @TempDir
    Path work;

    private GreenMail outside;
    private EmbeddedGateway gateway;
    private WebAdminClient webAdmin;
    private Path policy;

    /** Everything the gateway logs during a test, to prove no planted secret reaches a log line. */
    private ListAppender<ILoggingEvent> log;

    @BeforeEach
    void captureLog() {
        log = new ListAppender<>();
        log.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(log);
    }

    @AfterEach
    void noSecretWasLogged() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(log);
        for (ILoggingEvent event : log.list) {
            StringBuilder text = new StringBuilder(event.getFormattedMessage());
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                text.append(' ').append(t.getMessage());
            }
            assertThat(text.toString()).as("log line from " + event.getLoggerName()).doesNotContain(SECRET);
        }
    }

    @BeforeEach
    void start() throws Exception {
        outside = new GreenMail(new ServerSetup(FreePort.find(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        outside.start();
        gateway = RelayingGateway.start(work, outside);
        policy = work.resolve("policy.yaml");
        webAdmin = new WebAdminClient(gateway.webAdminPort());
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (outside != null) {
            outside.stop();
        }
    }

    private static final String COLLEAGUE = "agent@party.example";
    private static final String CSV_TYPE = "text/csv";

    @Test
    void unencryptedCanvassToAnOutsideAddressIsStoppedWithANoticeNamingTheFile() throws Exception {
        send(withAttachment("Canvass returns", "Here are Saturday's returns.", "canvass.csv",
                fixture("personal/positive/canvass-1.csv"), CSV_TYPE), OUTSIDE);

        MimeMessage notice = awaitOnly(SENDER);
        assertThat(notice.getSubject()).isEqualTo("Not sent: Canvass returns");
        assertThat(textOf(notice))
                .contains("- canvass.csv: looks like a list of 27 people with political opinions")
                .contains("Encrypt the file before sending it")
                .contains("AES-256")
                .contains("Download - Use - Delete");
        assertThat(raw(notice)).doesNotContain("Predovic").doesNotContain("Westmorland");
        assertThat(webAdmin.awaitKeys("outward-blocked", 1, Duration.ofSeconds(20))).hasSize(1);
        assertThat(outside.getReceivedMessagesForDomain("example.org")).isEmpty();
    }

    /** An insider's way around: a genuine encrypted block, and the canvass list in clear text after it. */
    @Test
    void aCanvassListAfterAGenuineEncryptedBlockIsStopped() throws Exception {
        byte[] both = joined(fixture("files/pgp/symmetric-aes256.asc"), fixture("personal/positive/canvass-1.csv"));

        send(withAttachment("Canvass returns", "Encrypted as asked.", "canvass.asc", both, "application/pgp-encrypted"),
                OUTSIDE);

        assertThat(textOf(awaitOnly(SENDER))).contains("- canvass.asc: looks like a list of");
        assertThat(outside.getReceivedMessagesForDomain("example.org")).isEmpty();
    }

    /** The same way around with any encrypted container: the list appended after a genuine AES-256 7z. */
    @Test
    void aCanvassListAppendedAfterAGenuineEncryptedArchiveIsStopped() throws Exception {
        byte[] both = joined(fixture("files/7z/canvass-aes256.7z"), fixture("personal/positive/canvass-1.csv"));

        send(withAttachment("Canvass returns", "Password by text as usual.", "canvass.7z", both,
                "application/x-7z-compressed"), OUTSIDE);

        assertThat(textOf(awaitOnly(SENDER))).contains("- canvass.7z: looks like a list of");
        assertThat(outside.getReceivedMessagesForDomain("example.org")).isEmpty();
    }

    /**
     * Excel's built-in default password is encryption in name only (Office opens the file without asking): the
     * list inside is read with the public key, stopped, and the notice says why that protection does not count.
     */
    @Test
    void aCanvassUnderExcelsDefaultPasswordIsReadAndStopped() throws Exception {
        send(withAttachment("Canvass returns", "It is password protected.", "canvass.xlsx",
                DefaultPasswordWorkbook.of(fixture("personal/positive/canvass-1.csv")),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), OUTSIDE);

        assertThat(textOf(awaitOnly(SENDER))).contains("- canvass.xlsx: looks like a list of")
                .contains("is encrypted with Excel's built-in default password: anyone can open it, because Office"
                        + " opens it without asking for a password, so it does not count as encryption")
                .contains("Encrypt it again, properly: in 7-Zip choose Encryption method AES-256")
                .contains("Encrypt with Password");
        assertThat(outside.getReceivedMessagesForDomain("example.org")).isEmpty();
    }

    @Test
    void theSameCanvassInsideAnAes256SevenZipIsDeliveredUnchanged() throws Exception {
        byte[] archive = fixture("files/7z/canvass-aes256.7z");
        send(withAttachment("Canvass returns", "Password by text as usual.", "canvass.7z", archive,
                "application/x-7z-compressed"), OUTSIDE);

        MimeMessage delivered = awaitOnly(OUTSIDE);
        assertThat(delivered.getHeader("X-Outward-Verdict")).containsExactly("pass");
        MimeBodyPart attachment = (MimeBodyPart) ((Multipart) delivered.getContent()).getBodyPart(1);
        assertThat(attachment.getFileName()).isEqualTo("canvass.7z");
        assertThat(attachment.getInputStream().readAllBytes()).isEqualTo(archive);
    }

    @Test
    void canvassToAColleagueAndAnOutsiderReachesOnlyTheColleague() throws Exception {
        send(withAttachment("Canvass returns", "For the ward team.", "canvass.csv",
                fixture("personal/positive/canvass-1.csv"), CSV_TYPE), COLLEAGUE, OUTSIDE);

        assertThat(outside.waitForIncomingEmail(30_000, 2)).isTrue();
        MimeMessage[] received = outside.getReceivedMessages();
        assertThat(received).hasSize(2);
        MimeMessage toColleague = Arrays.stream(received).filter(m -> !isNotice(m)).findFirst().orElseThrow();
        MimeMessage notice = Arrays.stream(received).filter(EnforcementEndToEndTest::isNotice).findFirst().orElseThrow();
        assertThat(toColleague.getHeader("X-Outward-Verdict")).as("the colleague's own verdict").containsExactly("warn");
        assertThat(textOf(notice)).contains("NOT sent to " + OUTSIDE).contains("delivered to " + COLLEAGUE);
        assertThat(webAdmin.awaitKeys("outward-blocked", 1, Duration.ofSeconds(20))).hasSize(1);
        Thread.sleep(1_000);
        assertThat(outside.getReceivedMessages()).as("nothing for the outsider").hasSize(2);
    }

    private static boolean isNotice(MimeMessage message) {
        try {
            return message.getHeader("Auto-Submitted") != null;
        } catch (javax.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void passwordInTheBodyIsStoppedAndTheNoticeDoesNotRepeatIt() throws Exception {
        send(message("The spreadsheet", "Hi Alex,\n\nThe password is " + SECRET + "\n\nSam\n"), OUTSIDE);

        MimeMessage notice = awaitOnly(SENDER);
        assertThat(notice.getSubject()).isEqualTo("Not sent: The spreadsheet");
        String text = textOf(notice);
        assertThat(text).contains("NOT sent to " + OUTSIDE).contains("The message gives a password or login")
                .contains("body line 3")
                .contains("text message, phone call or a secure messaging app");
        assertThat(raw(notice)).doesNotContain(SECRET);
        assertThat(webAdmin.awaitKeys("outward-blocked", 1, Duration.ofSeconds(20))).hasSize(1);
        assertThat(outside.getReceivedMessagesForDomain("example.org")).isEmpty();
    }

    @Test
    void passwordAfterAnEncryptedZipIsNamedAsThatFilesPassword() throws Exception {
        sendTheEncryptedZipFirst();

        send(message("Re: Members list", "Sorry, forgot: the password is Outward-fixture-1\n"), OUTSIDE);

        MimeMessage notice = awaitOnly(SENDER);
        assertThat(textOf(notice)).contains("gives the password for \"members.zip\", which you sent to the same person on");
        assertThat(raw(notice)).doesNotContain("fixture-1");
        assertThat(webAdmin.awaitKeys("outward-blocked", 1, Duration.ofSeconds(20))).hasSize(1);
    }

    /** A password that does not open the earlier zip is still a password in a message, but not that file's. */
    @Test
    void aPasswordThatDoesNotOpenTheEarlierZipIsStoppedWithoutNamingIt() throws Exception {
        sendTheEncryptedZipFirst();

        send(message("Re: Members list", "The wifi password is " + SECRET + "\n"), OUTSIDE);

        String text = textOf(awaitOnly(SENDER));
        assertThat(text).contains("gives a password or login").doesNotContain("members.zip");
    }

    /** The zip's own password check is kept: a follow-up that opens it is its password for certain. */
    @ParameterizedTest
    @ValueSource(strings = {"Outward-fixture-1\n", "Hi Alex,\n\nOutward-fixture-1\n\nSam\n",
            "For the file I sent earlier: Outward-fixture-1\n", "Outward-fixture-1 - that opens the zip.\n"})
    void aBarePasswordThatOpensAnEncryptedZipSentEarlierIsStopped(String followUp) throws Exception {
        sendTheEncryptedZipFirst();

        send(message("Re: Members list", followUp), OUTSIDE);

        MimeMessage notice = awaitOnly(SENDER);
        assertThat(textOf(notice)).contains("gives the password for \"members.zip\"");
        assertThat(raw(notice)).doesNotContain("fixture-1");
        assertThat(webAdmin.awaitKeys("outward-blocked", 1, Duration.ofSeconds(20))).hasSize(1);
    }

    /** A token that does not open the earlier zip raises no alarm on that ground. */
    @Test
    void aTokenThatDoesNotOpenTheEarlierZipIsDelivered() throws Exception {
        sendTheEncryptedZipFirst();

        send(message("Re: Members list", "Team name for the quiz: Kq7!mzP4wR2x - the file has the rota.\n"), OUTSIDE);

        assertThat(awaitOnly(OUTSIDE).getHeader("X-Outward-Verdict")).containsExactly("pass");
    }

    /** A file whose format keeps no check the gateway reads: the follow-up's wording and timing decide. */
    @ParameterizedTest
    @ValueSource(strings = {"Kq7!mzP4wR2x\n", "For the file I sent earlier: Kq7!mzP4wR2x\n"})
    void aBarePasswordAfterAnArchiveWithoutACheckIsStopped(String followUp) throws Exception {
        send(withAttachment("Members list", "Here is the list.", "members.7z",
                fixture("files/7z/aes256-names-visible.7z"), "application/x-7z-compressed"), OUTSIDE);
        awaitOnly(OUTSIDE);
        outside.purgeEmailFromAllMailboxes();

        send(message("Re: Members list", followUp), OUTSIDE);

        assertThat(textOf(awaitOnly(SENDER))).contains("looks like the password for \"members.7z\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Thanks, see you at the count on Thursday at 7pm.\n",
            "Ref INV-2024-0042 for the printing invoice.\n",
            "Call me on 07700 900123 or @SamVolunteer2024 on the usual app.\n"})
    void anOrdinaryShortReplyAfterAnEncryptedZipIsDelivered(String followUp) throws Exception {
        sendTheEncryptedZipFirst();

        send(message("Re: Members list", followUp), OUTSIDE);

        assertThat(awaitOnly(OUTSIDE).getHeader("X-Outward-Verdict")).containsExactly("pass");
    }

    @Test
    void aBareTokenWithNoEncryptedFileBeforeItIsDelivered() throws Exception {
        send(message("Team name", "Outward-fixture-1\n"), OUTSIDE);

        assertThat(awaitOnly(OUTSIDE).getHeader("X-Outward-Verdict")).containsExactly("pass");
    }

    @Test
    void carefulMessageAboutThePasswordIsDelivered() throws Exception {
        send(message("Canvass sheets", "Hi Alex,\n\nI will send you the password separately, but not via email.\n"),
                OUTSIDE);

        MimeMessage delivered = awaitOnly(OUTSIDE);
        assertThat(delivered.getHeader("X-Outward-Verdict")).containsExactly("pass");
    }

    @Test
    void monitorRuleDeliversWithHeaders() throws Exception {
        Files.writeString(policy, Files.readString(policy).replace(
                "      finding: password\n    action: block", "      finding: password\n    action: monitor"));
        Thread.sleep(2_100);

        send(message("Wifi", "the password is " + SECRET + "\n"), OUTSIDE);

        MimeMessage delivered = awaitOnly(OUTSIDE);
        assertThat(delivered.getHeader("X-Outward-Verdict")).containsExactly("monitor");
        assertThat(delivered.getHeader("X-Outward-Rules")).containsExactly("password-in-message");
    }

    @Test
    void disguisedFileIsHeldAndAnAdminReleasesItOnce() throws Exception {
        send(withAttachment("Photo from Saturday", "See attached.", "photo.jpg",
                "name,street\nLeaflets,High Street\n".getBytes(StandardCharsets.UTF_8), "image/jpeg"), OUTSIDE);

        MimeMessage notice = awaitOnly(SENDER);
        assertThat(notice.getSubject()).isEqualTo("Held for checking: Photo from Saturday");
        String key = webAdmin.awaitKeys("outward-quarantine", 1, Duration.ofSeconds(20)).get(0);
        outside.purgeEmailFromAllMailboxes();

        assertThat(webAdmin.patch(WebAdminClient.repository("outward-quarantine") + "/mails/" + key
                + "?action=reprocess&processor=outbound").statusCode()).isEqualTo(201);

        MimeMessage released = awaitOnly(OUTSIDE);
        assertThat(released.getSubject()).isEqualTo("Photo from Saturday");
        assertThat(webAdmin.awaitKeys("outward-quarantine", 0, Duration.ofSeconds(20))).isEmpty();
        Thread.sleep(1_000);
        assertThat(outside.getReceivedMessages()).as("released once, no second notice").hasSize(1);
    }

    @Test
    void policyChangedOnDiskTakesEffectAndABrokenOneIsIgnored() throws Exception {
        String note = "the password is " + SECRET + "\n";
        Files.writeString(policy, Files.readString(policy).replace(
                "      finding: password\n    action: block", "      finding: password\n    action: pass"));
        Thread.sleep(2_100);
        send(message("Wifi 1", note), OUTSIDE);
        assertThat(awaitOnly(OUTSIDE).getHeader("X-Outward-Verdict")).containsExactly("pass");
        outside.purgeEmailFromAllMailboxes();

        Files.writeString(policy, Files.readString(policy).replace(
                "      finding: password\n    action: pass", "      finding: password\n    action: block"));
        Thread.sleep(2_100);
        send(message("Wifi 2", note), OUTSIDE);
        assertThat(awaitOnly(SENDER).getSubject()).isEqualTo("Not sent: Wifi 2");
        outside.purgeEmailFromAllMailboxes();

        Files.writeString(policy, Files.readString(policy).replace("action: block", "action: blok"));
        Thread.sleep(2_100);
        send(message("Wifi 3", note), OUTSIDE);
        assertThat(awaitOnly(SENDER).getSubject()).as("last good policy still blocks").isEqualTo("Not sent: Wifi 3");
        assertThat(webAdmin.awaitKeys("outward-blocked", 2, Duration.ofSeconds(20))).hasSize(2);
    }

    private MimeMessage awaitOnly(String recipient) throws Exception {
        assertThat(outside.waitForIncomingEmail(30_000, 1)).as("a message arrived").isTrue();
        MimeMessage[] received = outside.getReceivedMessages();
        assertThat(received).as("exactly one message arrived").hasSize(1);
        assertThat(Arrays.stream(received[0].getRecipients(Message.RecipientType.TO)).map(a -> ((InternetAddress) a).getAddress()))
                .containsExactly(recipient);
        return received[0];
    }

    /** Sends members.zip (AES-256, password Outward-fixture-1) to the outsider; it passes and is cleared away. */
    private void sendTheEncryptedZipFirst() throws Exception {
        send(withAttachment("Members list", "Here is the list.", "members.zip", fixture("files/zip/aes256-7zip.zip"),
                "application/zip"), OUTSIDE);
        assertThat(awaitOnly(OUTSIDE).getHeader("X-Outward-Verdict")).containsExactly("pass");
        outside.purgeEmailFromAllMailboxes();
    }

    private static byte[] joined(byte[] first, byte[] second) {
        byte[] both = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private byte[] fixture(String path) throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/fixtures/" + path)) {
            assertThat(in).as(path).isNotNull();
            return in.readAllBytes();
        }
    }

    private static MimeMessage message(String subject, String body) throws Exception {
        return MailClient.message(SENDER, OUTSIDE, subject, body);
    }

    private static MimeMessage withAttachment(String subject, String body, String name, byte[] bytes, String type)
            throws Exception {
        return MailClient.withAttachment(SENDER, OUTSIDE, subject, body, name, bytes, type);
    }

    private void send(MimeMessage message, String... recipients) throws Exception {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        message.writeTo(raw);
        MailClient.submit(gateway.smtpPort(), raw.toByteArray(), SENDER, recipients);
    }

    private static String textOf(MimeMessage notice) throws Exception {
        return (String) ((Multipart) notice.getContent()).getBodyPart(0).getContent();
    }

    private static String raw(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

}
