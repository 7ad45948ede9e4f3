package org.outward.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Optional;

import javax.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * Mail the gateway has accepted survives its smart host being down: the real embedded gateway relays to a port
 * nobody listens on, keeps the message in its outgoing queue with a retry planned, and delivers it once, without
 * a bounce, when a server (GreenMail) comes up on that port. It relies on the shipped schedule's first short retry.
 */
class SmartHostOutageTest {

    private static final String SENDER = "sam.volunteer@party.example";
    private static final String RECIPIENT = "alex.agent@example.org";

    @TempDir
    Path work;

    private EmbeddedGateway gateway;
    private GreenMail smartHost;

    @AfterEach
    void stop() {
        RelayingGateway.stop(gateway, smartHost);
    }

    @Test
    void mailAcceptedWhileTheSmartHostIsDownIsDeliveredOnceWhenItComesBack() throws Exception {
        int smartHostPort = FreePort.find();
        gateway = EmbeddedGateway.start(new GatewaySettings(0, 0, Optional.empty(), work,
                new OutboundRoute.Relay("127.0.0.1", smartHostPort, false, Optional.empty())));
        MimeMessage sent = MailClient.message(SENDER, RECIPIENT, "Leaflet drop on Saturday",
                "Meet at the library at ten; bring comfortable shoes.");
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        sent.writeTo(raw);

        MailClient.submit(gateway.smtpPort(), raw.toByteArray(), SENDER, RECIPIENT);
        JsonNode waiting = awaitRetryPlanned();
        assertThat(waiting.path("recipients").toString()).contains(RECIPIENT);

        smartHost = new GreenMail(new ServerSetup(smartHostPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smartHost.start();

        MimeMessage delivered = Mailboxes.await(smartHost, RECIPIENT, m -> true);
        assertThat(delivered.getMessageID()).isEqualTo(sent.getMessageID());
        assertThat(delivered.getHeader("X-Outward-Verdict")).containsExactly("pass");
        new OutgoingQueue(gateway.webAdminPort()).awaitEmpty();
        assertThat(smartHost.getReceivedMessages()).as("one delivery, no bounce or notice to the sender").hasSize(1);
        assertThat(Mailboxes.of(smartHost, SENDER)).isEmpty();
    }

    /**
     * After an outage long enough for hundreds of mails to wait for their next attempt, mail accepted once the smart
     * host is back leaves at once, not behind them: James's ActiveMQ queue takes due mail with a selector, and the
     * broker looked for it among the first 200 messages only, so new mail waited until their retries were due.
     */
    @Test
    void mailAcceptedAfterAnOutageDoesNotWaitBehindHundredsOfRetries() throws Exception {
        int smartHostPort = FreePort.find();
        gateway = EmbeddedGateway.start(new GatewaySettings(0, 0, Optional.empty(), work,
                new OutboundRoute.Relay("127.0.0.1", smartHostPort, false, Optional.empty())));
        int waiting = 250;
        for (int i = 0; i < waiting; i++) {
            MailClient.submit(gateway.smtpPort(), raw(MailClient.message(SENDER, RECIPIENT, "Round " + i,
                    "Delivery round " + i + " starts at the hall.")), SENDER, RECIPIENT);
        }
        // The first attempt and the retry 5 s later fail: each then waits a minute for its next.
        awaitRetriesAtLeast(Duration.ofSeconds(30), waiting);

        smartHost = new GreenMail(new ServerSetup(smartHostPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smartHost.start();
        MimeMessage late = MailClient.message(SENDER, RECIPIENT, "After the outage", "Canvassing resumes tomorrow.");
        String lateId = late.getMessageID();
        long sent = System.nanoTime();
        MailClient.submit(gateway.smtpPort(), raw(late), SENDER, RECIPIENT);
        MimeMessage delivered = Mailboxes.await(smartHost, RECIPIENT, m -> lateId.equals(messageId(m)));
        assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(Duration.ofSeconds(15));
        assertThat(delivered.getHeader("X-Outward-Verdict")).containsExactly("pass");
        assertThat(smartHost.getReceivedMessages().length).as("the waiting mails are still waiting for their retry")
                .isLessThan(50);
    }

    private static byte[] raw(MimeMessage message) throws Exception {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        message.writeTo(raw);
        return raw.toByteArray();
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (javax.mail.MessagingException e) {
            return null;
        }
    }

    /** Waits until that many mails in the outgoing queue have their next attempt at least that far off. */
    private void awaitRetriesAtLeast(Duration ahead, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int far = 0;
        while (System.nanoTime() < deadline) {
            far = 0;
            Instant later = Instant.now().plus(ahead);
            for (JsonNode mail : outgoing()) {
                JsonNode next = mail.path("nextDelivery");
                if (next.isNumber() && Instant.ofEpochMilli((long) (next.asDouble() * 1000)).isAfter(later)
                        || next.isTextual() && ZonedDateTime.parse(next.asText()).toInstant().isAfter(later)) {
                    far++;
                }
            }
            if (far >= count) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(far + " of " + count + " mails wait " + ahead + " or more for their next attempt");
    }

    /** The message in the outgoing queue once a delivery attempt has failed and James has set its next one. */
    private JsonNode awaitRetryPlanned() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode mail : outgoing()) {
                if (!mail.path("nextDelivery").isMissingNode() && !mail.path("nextDelivery").isNull()) {
                    return mail;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no failed attempt with a retry planned in the outgoing queue: " + outgoing());
    }

    private JsonNode outgoing() throws Exception {
        return new OutgoingQueue(gateway.webAdminPort()).mails();
    }
}
