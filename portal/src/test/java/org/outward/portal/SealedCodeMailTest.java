package org.outward.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

import javax.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.outward.installation.InstallationKey;
import org.outward.notice.NoticeSeal;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/** Code mail sealed with the installation key carries a seal the gateway accepts, and only for that key. */
class SealedCodeMailTest {

    @Test
    void sealCoversTheMessageIdThatArrivesAndOnlyTheInstallationKeyVerifiesIt() throws Exception {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) 7);
        NoticeSeal seal = new NoticeSeal(InstallationKey.of(bytes), Clock.systemUTC(), NoticeSeal.DEFAULT_VALIDITY);
        GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        greenMail.start();
        try {
            new SmtpCodeSender("127.0.0.1", greenMail.getSmtp().getPort(), "secure-links@party.example",
                    Optional.of(seal)).send(new CodeMail("printer@example.org", "12345678", Duration.ofMinutes(10), "en"));
            assertThat(greenMail.waitForIncomingEmail(5000, 1)).isTrue();
            MimeMessage mail = greenMail.getReceivedMessages()[0];
            String header = mail.getHeader(NoticeSeal.HEADER)[0];
            assertThat(seal.isOwn(mail.getMessageID(), header)).isTrue();
            assertThat(seal.isOwn("<other@id>", header)).as("bound to its Message-ID").isFalse();
            byte[] other = new byte[32];
            NoticeSeal stranger = new NoticeSeal(InstallationKey.of(other), Clock.systemUTC(), NoticeSeal.DEFAULT_VALIDITY);
            assertThat(stranger.isOwn(mail.getMessageID(), header)).as("another key cannot have made it").isFalse();
        } finally {
            greenMail.stop();
        }
    }
}
