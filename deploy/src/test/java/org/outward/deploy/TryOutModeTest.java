package org.outward.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import javax.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outward.fixtures.Fixture;
import org.outward.fixtures.Fixtures;

/**
 * Try-out mode, the default of {@code deploy/gateway run}: mail is judged and then held in a local mail
 * repository that WebAdmin lists, and nothing is sent anywhere.
 */
class TryOutModeTest {

    @TempDir
    static Path work;

    private static EmbeddedGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        gateway = EmbeddedGateway.start(new GatewaySettings(0, 0, Optional.empty(), work, new OutboundRoute.TryOut()));
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void holdsTheJudgedMessageInTheRepositoryAndSendsNothing() throws Exception {
        Fixture fixture = Fixtures.get("mail/first-message.eml");
        WebAdminClient webAdmin = new WebAdminClient(gateway.webAdminPort());
        int heldBefore = webAdmin.keys("outbound-held").size();

        MailClient.submit(gateway.smtpPort(), fixture.bytes(), "sam.volunteer@party.example", "alex.agent@example.org");

        MimeMessage held = null;
        for (String key : webAdmin.awaitKeys("outbound-held", heldBefore + 1, Duration.ofSeconds(30))) {
            MimeMessage message = MailClient.parse(webAdmin.raw("outbound-held", key));
            if ("<first-message.1@party.example>".equals(message.getMessageID())) {
                held = message;
            }
        }
        assertThat(held).as("the message is held").isNotNull();
        assertThat(held.getHeader("X-Outward-Verdict")).containsExactly("pass");
        assertThat(MailClient.leaves(held)).isEqualTo(MailClient.leaves(MailClient.parse(fixture.bytes())));

        // No RemoteDelivery is configured, so James has no outgoing queue: nothing can leave.
        assertThat(webAdmin.get("/mailQueues").body()).doesNotContain("outgoing");
    }

    @Test
    void theReadmesCanvassSampleIsBlockedAndItsNoticeHeld() throws Exception {
        Fixture fixture = Fixtures.get("mail/canvass-attached.eml");
        WebAdminClient webAdmin = new WebAdminClient(gateway.webAdminPort());
        int heldBefore = webAdmin.keys("outbound-held").size();

        MailClient.submit(gateway.smtpPort(), fixture.bytes(), "sam.volunteer@party.example", "alex.agent@example.org");

        String blocked = webAdmin.awaitKeys("outward-blocked", 1, Duration.ofSeconds(30)).get(0);
        assertThat(MailClient.parse(webAdmin.raw("outward-blocked", blocked)).getMessageID())
                .isEqualTo("<canvass-attached.1@party.example>");
        List<String> held = webAdmin.awaitKeys("outbound-held", heldBefore + 1, Duration.ofSeconds(30));
        boolean noticeHeld = false;
        for (String key : held) {
            MimeMessage message = MailClient.parse(webAdmin.raw("outbound-held", key));
            noticeHeld |= "Not sent: Canvass returns for Saturday".equals(message.getSubject());
        }
        assertThat(noticeHeld).as("the sender's notice is held with the outbound mail").isTrue();
    }
}
