package org.outward.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outward.fixtures.hostile.HostileCorpus;
import org.outward.fixtures.hostile.HostileCorpus.HostileCase;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * MIME that Jakarta Mail cannot re-save, through the real James: the mail is held in outward-quarantine with a
 * notice to the sender (the policy's inspection-failure action), not left silently in the error repository.
 */
class MalformedMailEndToEndTest {

    private static final String SENDER = "sam.volunteer@party.example";

    @TempDir
    Path work;

    @Test
    void unparsableMimeIsQuarantinedWithANotice() throws Exception {
        GreenMail outside = new GreenMail(new ServerSetup(FreePort.find(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        outside.start();
        try (EmbeddedGateway gateway = EmbeddedGateway.start(new GatewaySettings(0, 0, Optional.empty(), work,
                new OutboundRoute.Relay("127.0.0.1", outside.getSmtp().getPort(), false, Optional.empty())))) {
            int sent = 0;
            for (HostileCase hostile : HostileCorpus.cases()) {
                // James's own Content-Type cleaner repairs a Content-Type that does not parse; a missing boundary
                // it cannot repair.
                if (hostile.name().equals("boundary-never-appears")) {
                    MailClient.submit(gateway.smtpPort(), hostile.message().get(), SENDER, "alex.agent@example.org");
                    sent++;
                }
            }
            WebAdminClient webAdmin = new WebAdminClient(gateway.webAdminPort());
            assertThat(webAdmin.awaitKeys("outward-quarantine", sent, Duration.ofSeconds(60))).hasSize(1);
            assertThat(outside.waitForIncomingEmail(30_000, sent)).as("a notice for each").isTrue();
            assertThat(outside.getReceivedMessages()).allSatisfy(notice ->
                    assertThat(notice.getSubject()).startsWith("Held for checking"));
            assertThat(webAdmin.keys("error")).isEmpty();
        } finally {
            outside.stop();
        }
    }
}
