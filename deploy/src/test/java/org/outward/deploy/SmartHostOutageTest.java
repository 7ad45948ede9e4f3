package org.outward.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
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
