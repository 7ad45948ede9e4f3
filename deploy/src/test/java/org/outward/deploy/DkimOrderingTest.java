package org.outward.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Arrays;
import java.util.Optional;

import javax.mail.internet.MimeMessage;

import org.apache.james.jdkim.DKIMSigner;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.util.GreenMail;

/**
 * Why DKIM must be applied after the gateway (deploy/README.md, "SPF, DKIM and DMARC"), shown with the real
 * gateway: a message signed before it, as Microsoft 365 or Google sign, keeps a valid signature when it passes
 * unchanged but not when it is wrapped; James's own DKIMSign mailet, run last on the gateway, signs both so that
 * they verify at the recipient. One gateway serves both tests; each starts with an empty outside world.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DkimOrderingTest {

    private static final String SENDER = "sam.volunteer@party.example";
    private static final String AGENT = "alex.agent@example.org";
    private static final String TEMPLATE = "v=1; s=%s; d=party.example; c=relaxed/relaxed; "
            + "h=from:to:subject:date:message-id:mime-version:content-type; a=rsa-sha256; bh=; b=;";

    @TempDir
    static Path work;

    private final KeyPair provider = rsa();
    private final KeyPair gatewayKey = rsa();
    private GreenMail outside;
    private EmbeddedGateway gateway;

    @BeforeAll
    void start() throws Exception {
        Path conf = Files.createDirectories(work.resolve("conf"));
        try (var files = Files.list(Path.of("conf"))) {
            for (Path file : files.toList()) {
                Files.copy(file, conf.resolve(file.getFileName()));
            }
        }
        // Everything that leaves goes through a signing processor last, the order the README asks for.
        String signing = """
                <processor state="dkim-sign" enableJmx="false">
                    <mailet match="All" class="org.apache.james.jdkim.mailets.DKIMSign">
                        <signatureTemplate>%s</signatureTemplate>
                        <privateKey>%s</privateKey>
                    </mailet>
                    <mailet match="All" class="ToProcessor">
                        <processor>outbound</processor>
                    </mailet>
                </processor>
                """.formatted(TEMPLATE.formatted("outward"), pem(gatewayKey));
        Path mailets = conf.resolve("mailetcontainer.xml");
        Files.writeString(mailets, Files.readString(mailets)
                .replace("<processor>outbound</processor>", "<processor>dkim-sign</processor>")
                .replace("<processor state=\"outbound\"", signing + "<processor state=\"outbound\""));

        Path policy = work.resolve("policy.yaml");
        try (InputStream in = getClass().getResourceAsStream("/org/outward/policies/default-policy.yaml")) {
            Files.copy(in, policy);
        }
        outside = RelayingGateway.startOutside();
        gateway = RelayingGateway.start(Optional.of(conf), work, outside, Optional.of(policy));
    }

    @BeforeEach
    void emptyTheOutsideWorld() throws Exception {
        outside.purgeEmailFromAllMailboxes();
    }

    @AfterAll
    void stop() {
        RelayingGateway.stop(gateway, outside);
    }

    @Test
    void aMessagePassedUnchangedKeepsTheProvidersSignatureAndGetsTheGatewaysOwn() throws Exception {
        submit(signedByProvider(MailClient.message(SENDER, AGENT, "Saturday", "See you at the leaflet run.")));

        byte[] delivered = deliveredTo(AGENT);
        assertThat(DkimSignatures.verified(delivered, "party.example", "m365", provider.getPublic())).as("the provider's signature").isTrue();
        assertThat(DkimSignatures.verified(delivered, "party.example", "outward", gatewayKey.getPublic())).as("the gateway's signature").isTrue();
    }

    @Test
    void aWrappedMessageBreaksTheProvidersSignatureAndVerifiesByTheGatewaysOwn() throws Exception {
        byte[] canvass;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/personal/positive/canvass-1.csv")) {
            canvass = in.readAllBytes();
        }
        submit(signedByProvider(MailClient.withAttachment(SENDER, AGENT, "[secure] Canvass returns",
                "Here are Saturday's returns.", "canvass.csv", canvass, "text/csv")));

        byte[] delivered = deliveredTo(AGENT);
        assertThat(new String(delivered, StandardCharsets.UTF_8)).as("wrapped: a link instead of the file")
                .doesNotContain("filename=canvass.csv").contains("X-Outward-Verdict: wrap");
        assertThat(DkimSignatures.verified(delivered, "party.example", "m365", provider.getPublic())).as("the provider's signature").isFalse();
        assertThat(DkimSignatures.verified(delivered, "party.example", "outward", gatewayKey.getPublic())).as("the gateway's signature").isTrue();
    }

    /** The message as the party's provider hands it over: signed with its key, selector m365. */
    private byte[] signedByProvider(MimeMessage message) throws Exception {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        message.writeTo(raw);
        String header = new DKIMSigner(TEMPLATE.formatted("m365"), provider.getPrivate())
                .sign(new ByteArrayInputStream(raw.toByteArray()));
        ByteArrayOutputStream signed = new ByteArrayOutputStream();
        signed.write((header + "\r\n").getBytes(StandardCharsets.US_ASCII));
        signed.write(raw.toByteArray());
        return signed.toByteArray();
    }

    private void submit(byte[] raw) throws Exception {
        assertThat(DkimSignatures.verified(raw, "party.example", "m365", provider.getPublic())).as("the provider's signature before the gateway").isTrue();
        MailClient.submit(gateway.smtpPort(), raw, SENDER, AGENT);
    }

    /** The first message delivered to this address (the sender's confirmation of a wrap may come first). */
    private byte[] deliveredTo(String address) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Optional<MimeMessage> message = Arrays.stream(outside.getReceivedMessages())
                    .filter(m -> recipientIs(m, address)).findFirst();
            if (message.isPresent()) {
                ByteArrayOutputStream raw = new ByteArrayOutputStream();
                message.get().writeTo(raw);
                return raw.toByteArray();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("nothing was delivered to " + address);
    }

    private static boolean recipientIs(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().contains(address));
        } catch (javax.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(KeyPair keys) throws Exception {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(out)) {
            pem.writeObject(keys.getPrivate());
        }
        return out.toString();
    }
}
