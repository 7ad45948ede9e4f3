package org.outward.james39;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.apache.james.core.MailAddress;
import org.apache.james.server.core.MailImpl;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMailContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The James 3.9 plugin jar in James 3.9.0's mailet container, through the processors shipped for an existing James:
 * a canvass return is blocked with a notice to the sender, a {@code [secure]} message goes as secure links, and
 * a clean message goes on to {@code relay} with its verdict.
 */
class OutwardInJames39Test {

    private static final String PORTAL = "https://files.party.example";

    @TempDir
    Path work;

    private James39Container james;

    @BeforeEach
    void start() throws Exception {
        james = new James39Container(work, PORTAL);
    }

    @AfterEach
    void stop() {
        james.close();
    }

    @Test
    void theMailetsAreTheJakartaOnesFromTheTransformedJar() throws Exception {
        Class<?> inspect = james.pluginClass("org.outward.james.Inspect");

        assertThat(Path.of(inspect.getProtectionDomain().getCodeSource().getLocation().toURI()))
                .isEqualTo(Path.of(System.getProperty("outward.plugin.jar")));
        assertThat(Mail.class.getMethod("getMessage").getReturnType()).isEqualTo(MimeMessage.class);
        assertThat(inspect.getMethod("service", Mail.class)).isNotNull();
        assertThat(james.pluginClass("org.outward.james.Wrap").getConstructors()).isNotEmpty();
        assertThatThrownBy(() -> Class.forName("javax.mail.internet.MimeMessage", false, inspect.getClassLoader()))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("org.outward.james.Inspect", false, getClass().getClassLoader()))
                .as("the untransformed mailet jar is not on the test class path").isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void aCanvassReturnIsBlockedAndTheSenderToldHowToSendItSafely() throws Exception {
        Mail mail = mail("canvass-attached.eml", null);

        james.send(mail);

        assertThat(james.kept(James39Container.RELAY)).isEmpty();
        List<Mail> blocked = james.kept(James39Container.BLOCKED);
        assertThat(blocked).hasSize(1);
        assertThat(blocked.get(0).getMessage().getSubject()).isEqualTo("Canvass returns for Saturday");
        assertThat(james.sent()).hasSize(1);
        FakeMailContext.SentMail notice = james.sent().get(0);
        assertThat(notice.getRecipients()).containsExactly(new MailAddress("sam.volunteer@party.example"));
        assertThat(raw(notice.getMsg()).contains("canvass.csv")).as("the notice names the file").isTrue();
    }

    @Test
    void aSecureMessageGoesAsSecureLinks() throws Exception {
        Mail mail = mail("canvass-attached.eml", "[secure] Canvass returns for Saturday");

        james.send(mail);

        assertThat(james.kept(James39Container.BLOCKED)).isEmpty();
        assertThat(james.kept(James39Container.QUARANTINE)).isEmpty();
        assertThat(james.kept(James39Container.RELAY)).isEmpty();
        MailAddress to = recipient();
        FakeMailContext.SentMail copy = james.sent().stream()
                .filter(sent -> sent.getRecipients().contains(to)).findFirst().orElseThrow();
        String raw = raw(copy.getMsg());
        assertThat(copy.getMsg().getSubject()).isEqualTo("Canvass returns for Saturday");
        assertThat(raw.contains(PORTAL + "/l/")).as("a link to the portal").isTrue();
        assertThat(raw.contains("Predovic") || raw.contains("UHJlZG92aWMs")).as("the list is gone").isFalse();
        assertThat(Files.list(work.resolve("vault"))).isNotEmpty();
    }

    @Test
    void aCleanMessageGoesOnWithItsVerdict() throws Exception {
        Mail mail = mail("first-message.eml", null);

        james.send(mail);

        assertThat(james.sent()).isEmpty();
        List<Mail> relayed = james.kept(James39Container.RELAY);
        assertThat(relayed).hasSize(1);
        assertThat(relayed.get(0).getMessage().getHeader("X-Outward-Verdict")).containsExactly("pass");
    }

    private static MailAddress recipient() throws Exception {
        return new MailAddress("alex.agent@example.org");
    }

    private static Mail mail(String fixture, String subject) throws Exception {
        MimeMessage message;
        try (InputStream in = Files.newInputStream(James39Container.REPO.resolve("test-fixtures/mail/" + fixture))) {
            message = new MimeMessage(Session.getInstance(new Properties()), in);
        }
        if (subject != null) {
            message.setSubject(subject);
            message.saveChanges();
        }
        return MailImpl.builder().name(fixture).sender(new MailAddress("sam.volunteer@party.example"))
                .addRecipient(recipient()).mimeMessage(message).build();
    }

    private static String raw(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
