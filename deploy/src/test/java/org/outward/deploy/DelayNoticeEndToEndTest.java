package org.outward.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The sender of mail that waits for a smart host that is down is told once, through the real embedded gateway
 * (James's RemoteDelivery and its durable outgoing queue): after the wait, shortened here to two seconds, one delay
 * notice is queued for the sender; later looks at the queue, and a restart of the gateway, add none; and when the
 * smart host (GreenMail) comes back, the mail and the one notice are delivered.
 */
class DelayNoticeEndToEndTest {

    private static final String SENDER = "sam.volunteer@party.example";
    private static final String RECIPIENT = "alex.agent@example.org";
    private static final Duration WAIT = Duration.ofSeconds(2);

    @TempDir
    Path work;

    private EmbeddedGateway gateway;
    private GreenMail smartHost;

    @AfterEach
    void stop() {
        RelayingGateway.stop(gateway, smartHost);
    }

    @Test
    void theSenderIsToldOnceWhileTheSmartHostIsDownAndTheMailIsDeliveredWhenItComesBack() throws Exception {
        int smartHostPort = FreePort.find();
        GatewaySettings settings = new GatewaySettings(0, 0, Optional.empty(), work,
                new OutboundRoute.Relay("127.0.0.1", smartHostPort, false, Optional.empty())).withDelayNoticeAfter(WAIT);
        gateway = EmbeddedGateway.start(settings);
        MimeMessage sent = MailClient.message(SENDER, RECIPIENT, "Leaflet drop on Saturday",
                "Meet at the library at ten; bring comfortable shoes.");
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        sent.writeTo(raw);
        MailClient.submit(gateway.smtpPort(), raw.toByteArray(), SENDER, RECIPIENT);

        awaitNoticesQueued(1, Duration.ofSeconds(30));
        Thread.sleep(WAIT.multipliedBy(2).toMillis());
        assertThat(noticesQueued()).as("later looks at the queue send no second notice").hasSize(1);

        gateway.close();
        gateway = EmbeddedGateway.start(settings);
        Thread.sleep(WAIT.multipliedBy(2).toMillis());
        assertThat(noticesQueued()).as("nor does a restart").hasSize(1);

        smartHost = new GreenMail(new ServerSetup(smartHostPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smartHost.start();
        new OutgoingQueue(gateway.webAdminPort()).flush();
        MimeMessage delivered = Mailboxes.await(smartHost, RECIPIENT, m -> true);
        assertThat(delivered.getMessageID()).isEqualTo(sent.getMessageID());
        MimeMessage notice = Mailboxes.await(smartHost, SENDER, m -> true);
        new OutgoingQueue(gateway.webAdminPort()).awaitEmpty();
        assertThat(Mailboxes.of(smartHost, SENDER)).as("one notice").hasSize(1);
        assertThat(Mailboxes.of(smartHost, RECIPIENT)).as("one delivery").hasSize(1);
        assertThat(notice.getSubject()).isEqualTo("Not delivered yet: Leaflet drop on Saturday");
        assertThat(notice.getHeader("In-Reply-To")).containsExactly(sent.getMessageID());
        String body = GreenMailUtil.getBody(notice);
        assertThat(body).contains(RECIPIENT).contains("You need do nothing").contains("keeps trying to deliver it until");
    }

    /** The notices to the sender waiting in the outgoing queue (the smart host is down for them too). */
    private List<JsonNode> noticesQueued() throws Exception {
        List<JsonNode> notices = new ArrayList<>();
        for (JsonNode mail : outgoing()) {
            if (mail.path("recipients").toString().contains(SENDER)) {
                notices.add(mail);
            }
        }
        return notices;
    }

    private void awaitNoticesQueued(int count, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (noticesQueued().size() < count) {
            assertThat(System.nanoTime()).as("a delay notice is queued for the sender: " + outgoing()).isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    private JsonNode outgoing() throws Exception {
        return new OutgoingQueue(gateway.webAdminPort()).mails();
    }
}
