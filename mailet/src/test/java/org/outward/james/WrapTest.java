package org.outward.james;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import javax.mail.Multipart;
import javax.mail.Part;
import javax.mail.Session;
import javax.mail.internet.MimeBodyPart;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WrapTest {

    private static final String LIST = "Forename,Surname\nRenata,Predovic\n";
    private static final String MENU = "Tea, coffee, biscuits\n";

    @TempDir
    Path folder;

    private FakeMailContext context;
    private Wrap mailet;

    @BeforeEach
    void setUp() throws Exception {
        context = FakeMailContext.builder().postmaster(new MailAddress("postmaster@gateway.outward.invalid")).build();
        mailet = new Wrap();
        mailet.init(FakeMailetConfig.builder().mailetName("Wrap").mailetContext(context)
                .setProperty("vaultFolder", folder.resolve("vault").toString())
                .setProperty("portalUrl", "https://files.party.example").build());
    }

    @Test
    void withoutTheTagOnlyTheFlaggedAttachmentGoesAndEachRecipientGetsACopyWithTheirOwnLink() throws Exception {
        FakeMail mail = mail("Canvass returns", "a@example.org", "b@example.net");

        mailet.service(mail);

        assertThat(mail.getState()).isEqualTo(Mail.GHOST);
        List<FakeMailContext.SentMail> sent = context.getSentMails();
        assertThat(sent).hasSize(3);
        List<String> links = new ArrayList<>();
        for (FakeMailContext.SentMail copy : sent.subList(0, 2)) {
            assertThat(copy.getRecipients()).hasSize(1);
            MimeMessage message = copy.getMsg();
            assertThat(message.getSubject()).isEqualTo("Canvass returns");
            assertThat(message.getMessageID()).isEqualTo("<c.1@party.example>");
            String raw = raw(message);
            // Booleans, not the raw text: a failure must not print a link into the test output.
            assertThat(raw.contains("Predovic") || raw.contains(base64(LIST))).as("list gone").isFalse();
            assertThat(raw.contains(base64(MENU))).as("menu kept").isTrue();
            assertThat(names(message)).containsExactly("menu.txt");
            int at = raw.indexOf("https://files.party.example/l/");
            assertThat(at).isPositive();
            links.add(raw.substring(at, at + 60));
        }
        assertThat(links.get(0).equals(links.get(1))).as("a link per recipient").isFalse();
        MimeMessage confirmation = sent.get(2).getMsg();
        assertThat(sent.get(2).getRecipients()).containsExactly(new MailAddress("sam@party.example"));
        assertThat(confirmation.getSubject()).isEqualTo("Sent as secure links: Canvass returns");
        assertThat(raw(confirmation).contains("https://files.party.example/m/")).as("management link").isTrue();
        assertThat(raw(confirmation).contains("/l/")).as("no recipient link for the sender").isFalse();
    }

    @Test
    void theSecureTagTakesEveryAttachmentAndLeavesTheSubject() throws Exception {
        FakeMail mail = mail("[SECURE] Canvass returns", "a@example.org");

        mailet.service(mail);

        MimeMessage copy = context.getSentMails().get(0).getMsg();
        assertThat(copy.getSubject()).isEqualTo("Canvass returns");
        assertThat(names(copy)).isEmpty();
        assertThat(raw(copy).contains(base64(MENU))).as("menu gone").isFalse();
        assertThat(raw(copy).contains("SECURE FILE: menu.txt")).as("notice names it").isTrue();
    }

    @Test
    void aVaultThatFailsHoldsTheMailAndSendsNothing() throws Exception {
        Path vault = folder.resolve("vault");
        try (var files = Files.walk(vault)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        Files.writeString(vault, "in the way");
        FakeMail mail = mail("[secure] Canvass returns", "a@example.org");

        mailet.service(mail);

        assertThat(mail.getState()).isEqualTo("outward-quarantine");
        assertThat(context.getSentMails()).isEmpty();
        assertThat(raw(mail.getMessage()).contains(base64(LIST))).as("held whole, attachment in it").isTrue();
    }

    @Test
    void aNoticePartEscapesAFileNameThatLooksLikeMarkup() throws Exception {
        FakeMail mail = mail("[secure] x", "a@example.org");
        MimeMultipart mixed = (MimeMultipart) mail.getMessage().getContent();
        ((MimeBodyPart) mixed.getBodyPart(1)).setFileName("<b>list</b>.csv");
        mail.getMessage().setContent(mixed);
        mail.getMessage().saveChanges();

        mailet.service(mail);

        String raw = raw(context.getSentMails().get(0).getMsg());
        assertThat(raw.contains("&lt;b&gt;list&lt;/b&gt;.csv")).as("escaped").isTrue();
        assertThat(raw.contains("<strong><b>list")).as("not markup").isFalse();
    }

    @Test
    void aWelshSenderAndRecipientReadTheLinksExpiryInWelsh() throws Exception {
        FakeMail mail = mail("Canvass returns", "a@example.org");
        DecisionAttributes.writeNoticeSettings(mail, "cy", "[secure]");

        mailet.service(mail);

        for (FakeMailContext.SentMail sent : context.getSentMails()) {
            String text = text(sent.getMsg());
            assertThat(DateWords.english(text)).isEmpty();
            assertThat(DateWords.welsh(text)).isNotEmpty();
        }
    }

    @Test
    void repliesToTheSendersConfirmationGoToTheDataProtectionOfficer() throws Exception {
        FakeMail mail = mail("Canvass returns", "a@example.org");
        DecisionAttributes.writeDpoAddress(mail, "dpo@party.example");

        mailet.service(mail);

        FakeMailContext.SentMail confirmation = context.getSentMails().get(1);
        assertThat(confirmation.getRecipients()).containsExactly(new MailAddress("sam@party.example"));
        assertThat(confirmation.getMsg().getReplyTo()).extracting(Object::toString)
                .containsExactly("dpo@party.example");
    }

    /** The plain-text words of a message, without its attachments. */
    private static String text(Part part) throws Exception {
        if (part.getContent() instanceof Multipart multipart) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(text(multipart.getBodyPart(i)));
            }
            return text.toString();
        }
        return part.isMimeType("text/plain") && part.getFileName() == null ? (String) part.getContent() : "";
    }

    private static FakeMail mail(String subject, String... recipients) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setSubject(subject);
        message.setHeader("Message-ID", "<c.1@party.example>");
        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("See attached.", "UTF-8");
        mixed.addBodyPart(text);
        mixed.addBodyPart(attachment("canvass.csv", LIST));
        mixed.addBodyPart(attachment("menu.txt", MENU));
        message.setContent(mixed);
        message.saveChanges();
        message.setHeader("Message-ID", "<c.1@party.example>");
        FakeMail.Builder builder = FakeMail.builder().name("m1").sender("sam@party.example").mimeMessage(message);
        for (String recipient : recipients) {
            builder.recipient(recipient);
        }
        FakeMail mail = builder.build();
        mail.setAttribute(new Attribute(DecisionAttributes.FINDINGS, AttributeValue.of(List.of(
                AttributeValue.of(Map.of("kind", AttributeValue.of("attachment"), "part", AttributeValue.of("3/menu.txt"))),
                AttributeValue.of(Map.of("kind", AttributeValue.of("personal-data"),
                        "part", AttributeValue.of("2/canvass.csv")))))));
        DecisionAttributes.writeNoticeSettings(mail, "en", "[secure]");
        return mail;
    }

    private static MimeBodyPart attachment(String name, String content) throws Exception {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(content, "UTF-8");
        part.setHeader("Content-Transfer-Encoding", "base64");
        part.setFileName(name);
        part.setDisposition(Part.ATTACHMENT);
        return part;
    }

    private static List<String> names(Part part) throws Exception {
        List<String> names = new ArrayList<>();
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                names.addAll(names(multipart.getBodyPart(i)));
            }
        } else if (part.getFileName() != null) {
            names.add(part.getFileName());
        }
        return names;
    }

    private static String base64(String text) {
        return java.util.Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    }

    private static String raw(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
