package org.outward.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

import javax.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.outward.fixtures.Fixture;
import org.outward.fixtures.Fixtures;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * Mail flows end to end: a client submits over SMTP to the real James gateway, which inspects it and relays
 * it to a smart host (GreenMail, standing in for the outside world).
 */
class EndToEndRelayTest {

    @TempDir
    static Path work;

    private static GreenMail outside;
    private static EmbeddedGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        outside = new GreenMail(new ServerSetup(FreePort.find(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        outside.start();
        OutboundRoute relay = new OutboundRoute.Relay("127.0.0.1", outside.getSmtp().getPort(), false, Optional.empty());
        gateway = EmbeddedGateway.start(new GatewaySettings(0, 0, Optional.empty(), work, relay));
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (outside != null) {
            outside.stop();
        }
    }

    @BeforeEach
    void emptyOutside() throws Exception {
        outside.purgeEmailFromAllMailboxes();
    }

    static Iterable<Fixture> passingMail() {
        return Fixtures.all().stream()
                .filter(f -> f.path().startsWith("mail/") && f.verdict().equals("pass"))
                .toList();
    }

    @ParameterizedTest
    @MethodSource("passingMail")
    void passingMailArrivesIntactWithTheVerdictHeader(Fixture fixture) throws Exception {
        MimeMessage sent = MailClient.parse(fixture.bytes());

        MailClient.submit(gateway.smtpPort(), fixture.bytes(), "sam.volunteer@party.example", "alex.agent@example.org");

        assertThat(outside.waitForIncomingEmail(30_000, 1)).as("GreenMail received the message").isTrue();
        MimeMessage received = outside.getReceivedMessages()[0];
        assertThat(received.getHeader("X-Outward-Verdict")).containsExactly("pass");
        for (String header : new String[] {"Message-ID", "Subject", "From", "To", "Date"}) {
            assertThat(received.getHeader(header)).as(header).containsExactly(sent.getHeader(header));
        }
        assertThat(MailClient.leaves(received)).isEqualTo(MailClient.leaves(sent));
        assertThat(Arrays.stream(received.getAllRecipients()).map(Object::toString))
                .containsExactly("Alex Agent <alex.agent@example.org>");
    }
}
