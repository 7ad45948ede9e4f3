package org.outward.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import javax.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The durable flavour (compose.durable.yaml): its configuration, deploy/docker/conf/common and conf/durable, run by
 * the James its image runs, the embedded gateway, started as Dockerfile.durable starts it (--config,
 * --outbound-as-configured, the container's work folder; {@link ContainerFiles} says what the test moves). Mail
 * held for review and mail waiting for a relay that is down are both still there after the gateway restarts, and
 * the waiting mail leaves, signed, once the relay is back.
 */
class DurableFlavourTest {

    private static final String SENDER = "sam.volunteer@party.example";
    private static final String OUTSIDE = "alex.agent@example.org";

    @TempDir
    Path temp;

    @Test
    void heldAndQueuedMailSurviveARestart() throws Exception {
        GreenMail outside = RelayingGateway.startOutside();
        int outsidePort = outside.getSmtp().getPort();
        EmbeddedGateway gateway = null;
        try (ContainerFiles files = ContainerFiles.lay(temp, "durable", FreePort.find(), outsidePort)) {
            gateway = start(files);
            send(gateway, "The spreadsheet", "Hi Alex,\n\nThe password is Kettle-Harbour-42\n\nSam\n");
            webAdmin(gateway, files).awaitKeys("outward-blocked", 1, Duration.ofSeconds(30));
            outside.stop();
            send(gateway, "Saturday", "Hi Alex,\n\nSee you at the leaflet run.\n");
            webAdmin(gateway, files).awaitQueued("outgoing", 1, Duration.ofSeconds(30));

            gateway.close();
            gateway = null;
            outside = new GreenMail(new ServerSetup(outsidePort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            outside.start();
            gateway = start(files);

            WebAdminClient webAdmin = webAdmin(gateway, files);
            assertThat(webAdmin.keys("outward-blocked")).as("held mail after the restart").hasSize(1);
            HttpResponse<String> health = HttpClient.newHttpClient().send(webAdmin.request("/healthcheck").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
            // The notice about the blocked mail may still have been queued at the restart, so it may arrive too.
            MimeMessage delivered = awaitSubject(outside, "Saturday", Duration.ofSeconds(90));
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            delivered.writeTo(raw);
            assertThat(DkimSignatures.verified(raw.toByteArray(), "party.example", "outward",
                    files.dkimKeys().getPublic())).as("signed").isTrue();
        } finally {
            RelayingGateway.stop(gateway, outside);
        }
    }

    private static MimeMessage awaitSubject(GreenMail outside, String subject, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            for (MimeMessage message : outside.getReceivedMessages()) {
                if (subject.equals(message.getSubject())) {
                    return message;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the queued mail '" + subject + "' did not arrive once the relay was back");
    }

    /** As the image starts it: the mounted configuration, its own outbound processor, the container's work folder. */
    private static EmbeddedGateway start(ContainerFiles files) throws StartupProblem {
        return EmbeddedGateway.start(new GatewaySettings(0, 0, Optional.of(files.conf()), files.work(),
                new OutboundRoute.AsConfigured(), Optional.empty()));
    }

    private static WebAdminClient webAdmin(EmbeddedGateway gateway, ContainerFiles files) throws Exception {
        return new WebAdminClient(gateway.webAdminPort(), WebAdminTokenCommand.token(files.webAdminKeys().getPrivate(),
                "admin", Instant.now(), Duration.ofMinutes(30)));
    }

    /** Sends on port 25 as the party's tenant does. */
    private static void send(EmbeddedGateway gateway, String subject, String text) throws Exception {
        MimeMessage message = MailClient.message(SENDER, OUTSIDE, subject, text);
        for (Map.Entry<String, String> header : ContainerFiles.partyTenantHeaders().entrySet()) {
            message.setHeader(header.getKey(), header.getValue());
        }
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        message.writeTo(raw);
        MailClient.submit(gateway.smtpPort(), raw.toByteArray(), SENDER, OUTSIDE);
    }
}
