package org.outward.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import javax.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outward.fixtures.photos.CanvassSheets;
import org.outward.fixtures.photos.HeicPhotos;
import org.outward.fixtures.photos.PhotoContainers;
import org.outward.fixtures.photos.SignatureLogo;

import com.icegreen.greenmail.util.GreenMail;

/**
 * OCR through the real James gateway with the default policy: a phone photo of a canvass sheet is stopped, and
 * a message with a small logo in its signature goes out with no image read by OCR (the gateway's OCR gauges,
 * as Prometheus scrapes them, say so); the same photo as an iPhone saves it (HEIC) is stopped too. GreenMail is
 * the outside world. The same photo pasted into a Word document is read and stopped as well. Needs Tesseract and libheif-examples, which CI installs (the HEIC test is skipped, saying
 * so, only where neither libheif's encoder nor its decoder is installed).
 */
class OcrEndToEndTest {

    private static final String SENDER = "sam.volunteer@party.example";
    private static final String OUTSIDE = "alex@elsewhere.example";

    @TempDir
    Path work;

    private GreenMail outside;
    private EmbeddedGateway gateway;
    private WebAdminClient webAdmin;

    @BeforeEach
    void start() throws Exception {
        outside = RelayingGateway.startOutside();
        Path policy = work.resolve("policy.yaml");
        try (InputStream in = getClass().getResourceAsStream("/org/outward/policies/default-policy.yaml")) {
            // OCR is slow on a busy test machine: the default policy, with room enough for one photo.
            Files.writeString(policy, new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("time-per-part: 30s", "time-per-part: 180s")
                    .replace("time-per-image: 20s", "time-per-image: 150s"));
        }
        gateway = RelayingGateway.start(Optional.empty(), work, outside, Optional.of(policy));
        webAdmin = new WebAdminClient(gateway.webAdminPort());
    }

    @AfterEach
    void stop() {
        RelayingGateway.stop(gateway, outside);
    }

    @Test
    void aPhotoOfACanvassSheetIsStopped() throws Exception {
        Map<String, Double> before = webAdmin.metrics();
        send("Sheet from this morning", "IMG_2041.jpg", CanvassSheets.photos(7, 1, 1300).get(0).jpeg(), "image/jpeg");

        assertThat(webAdmin.awaitKeys("outward-blocked", 1, Duration.ofSeconds(200))).hasSize(1);
        assertThat(outside.waitForIncomingEmail(30_000, 1)).as("the notice to the sender").isTrue();
        assertThat(outside.getReceivedMessagesForDomain("elsewhere.example")).isEmpty();
        assertThat(moved(before, webAdmin.metrics(), "outward_ocr_images_read")).isEqualTo(1.0);
    }

    @Test
    void aPhotoOfACanvassSheetPastedIntoAWordDocumentIsStopped() throws Exception {
        Map<String, Double> before = webAdmin.metrics();
        send("Notes from this morning", "notes.docx",
                PhotoContainers.docx(CanvassSheets.photos(7, 1, 1300).get(0).jpeg()),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

        assertThat(webAdmin.awaitKeys("outward-blocked", 1, Duration.ofSeconds(200))).hasSize(1);
        assertThat(outside.waitForIncomingEmail(30_000, 1)).as("the notice to the sender").isTrue();
        assertThat(outside.getReceivedMessagesForDomain("elsewhere.example")).isEmpty();
        assertThat(moved(before, webAdmin.metrics(), "outward_ocr_images_read")).isEqualTo(1.0);
    }

    @Test
    void aHeicPhotoOfACanvassSheetIsStopped() throws Exception {
        Optional<String> why = HeicPhotos.whyNoHeicTest();
        assumeTrue(why.isEmpty(), () -> "HEIC test skipped: " + why.orElse(""));
        Map<String, Double> before = webAdmin.metrics();
        send("Sheet from this morning", "IMG_2042.HEIC",
                HeicPhotos.fromJpeg(CanvassSheets.photos(7, 1, 1300).get(0).jpeg()), "image/heic");

        assertThat(webAdmin.awaitKeys("outward-blocked", 1, Duration.ofSeconds(200))).hasSize(1);
        assertThat(outside.waitForIncomingEmail(30_000, 1)).as("the notice to the sender").isTrue();
        assertThat(outside.getReceivedMessagesForDomain("elsewhere.example")).isEmpty();
        assertThat(moved(before, webAdmin.metrics(), "outward_ocr_images_read")).isEqualTo(1.0);
    }

    @Test
    void aLogoInTheSignatureGoesOutWithNoOcr() throws Exception {
        Map<String, Double> before = webAdmin.metrics();
        send("Saturday", "logo.png", SignatureLogo.png(180, 60, new Color(20, 120, 60)), "image/png");

        assertThat(outside.waitForIncomingEmail(60_000, 1)).isTrue();
        assertThat(outside.getReceivedMessagesForDomain("elsewhere.example")).hasSize(1);
        Map<String, Double> after = webAdmin.metrics();
        assertThat(moved(before, after, "outward_ocr_images_read")).as("images read by OCR").isZero();
        assertThat(moved(before, after, "outward_ocr_images_skipped")).as("images the pre-check skipped").isEqualTo(1.0);
    }

    private void send(String subject, String name, byte[] image, String type) throws Exception {
        MimeMessage message = MailClient.withAttachment(SENDER, OUTSIDE, subject,
                "Hi Alex,\n\nSee you at the leaflet run.\n\nSam", name, image, type);
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        message.writeTo(raw);
        MailClient.submit(gateway.smtpPort(), raw.toByteArray(), SENDER, OUTSIDE);
    }

    private static double moved(Map<String, Double> before, Map<String, Double> after, String name) {
        assertThat(after).containsKey(name);
        return after.get(name) - before.getOrDefault(name, 0.0);
    }
}
