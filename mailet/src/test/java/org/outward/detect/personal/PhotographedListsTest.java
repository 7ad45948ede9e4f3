package org.outward.detect.personal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outward.engine.Engine;
import org.outward.engine.Envelope;
import org.outward.engine.Judgement;
import org.outward.fixtures.heldout.HeldOutRegisterPrints;
import org.outward.fixtures.heldout.HeldOutSheetPhotos;
import org.outward.fixtures.photos.CanvassSheets;
import org.outward.fixtures.photos.PhotoContainers;
import org.outward.policy.Fact;
import org.outward.policy.FindingKind;
import org.outward.policy.Policy;
import org.outward.policy.PolicyLoader;

/**
 * Photographed lists of twenty people, made in the build from the corpus's people, attached to a message as a
 * phone sends it and judged through the engine (parser processes, OCR, detectors) with the default policy for
 * an outside recipient. The development sheets ({@link CanvassSheets}) and the held-out ones
 * ({@link HeldOutSheetPhotos}: another renderer, layout, face, people and camera; {@link HeldOutRegisterPrints}:
 * spreadsheet prints rendered by PDFBox, another camera again) are graded apart; figures are printed per image. Needs Tesseract with English and Welsh data, which CI installs: without it this fails.
 */
public class PhotographedListsTest {

    private static final Envelope OUTSIDE = new Envelope("member@party.example", List.of("someone@elsewhere.example"));

    @TempDir
    static Path state;
    private static Engine engine;
    private static Policy policy;

    @BeforeAll
    static void engine() throws Exception {
        assertTesseractInstalled();
        engine = new Engine(state, Clock.systemUTC());
        // OCR is slow on a busy machine: the default policy, with room enough that no image runs out of time.
        policy = PolicyLoader.parse(resource("/org/outward/policies/default-policy.yaml")
                .replace("time-per-part: 30s", "time-per-part: 180s")
                .replace("time-per-image: 20s", "time-per-image: 150s"), "default-policy.yaml");
    }

    @AfterAll
    static void close() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void developmentSheetsAreFoundAsListsOfPeople() {
        List<CanvassSheets.Photo> photos = CanvassSheets.photos(7, 3, 1000, 1300, 1600);
        assertThat(found("development canvass sheets", photos)).isEqualTo(photos.size());
    }

    /**
     * Held-out photos once missed (ruled tables), moved to development: the page-layout choice (sparse text) and
     * the cleaning before OCR (ruling lines removed, page straightened) were worked out on them.
     */
    @Test
    void movedToDevelopmentRuledTablesAreFound() {
        List<CanvassSheets.Photo> all = HeldOutSheetPhotos.photos(HeldOutSheetPhotos.MOVED_TO_DEVELOPMENT_SEED, 10,
                1000, 1200, 1400);
        List<CanvassSheets.Photo> missed = List.of(all.get(3), all.get(5), all.get(6), all.get(7), all.get(9));
        assertThat(found("held-out photos once missed, now development", missed)).isEqualTo(missed.size());
    }

    @Test
    void heldOutListsAreFoundInNineOfTenPhotosAtAThousandPixelsOrMore() {
        List<CanvassSheets.Photo> photos = HeldOutSheetPhotos.photos(HeldOutSheetPhotos.SEED, 10, 1000, 1200, 1400);
        int found = found("held-out photographed lists", photos);
        assertThat((double) found / photos.size()).as("held-out share of photos found").isGreaterThanOrEqualTo(0.9);
    }

    /** The second held-out set: spreadsheet prints with a full grid, rendered by PDFBox (another method). */
    @Test
    void heldOutRegisterPrintsAreFoundInNineOfTenPhotosAtAThousandPixelsOrMore() {
        List<CanvassSheets.Photo> photos = HeldOutRegisterPrints.photos(HeldOutRegisterPrints.SEED, 10,
                1000, 1150, 1300, 1600);
        int found = found("held-out register prints", photos);
        assertThat((double) found / photos.size()).as("held-out share of photos found").isGreaterThanOrEqualTo(0.9);
    }

    /**
     * The first held-out photos again, each put into a container in turn, as an insider might to get past a
     * check of attached images: pasted into a Word document, placed on a PDF page under a heading, on a slide,
     * inlined in an HTML body.
     */
    @Test
    void heldOutListsInsideDocumentsAreFoundInNineOfTenPhotos() {
        List<CanvassSheets.Photo> photos = HeldOutSheetPhotos.photos(HeldOutSheetPhotos.SEED, 10, 1000, 1200, 1400);
        int found = found("held-out photographed lists inside documents", photos,
                photo -> inDocument(photo, photos.indexOf(photo) % 4));
        assertThat((double) found / photos.size()).as("held-out share of photos found").isGreaterThanOrEqualTo(0.9);
    }

    private static byte[] inDocument(CanvassSheets.Photo photo, int container) {
        try {
            return switch (container) {
                case 0 -> message("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        "notes.docx", PhotoContainers.docx(photo.jpeg()));
                case 1 -> message("application/pdf", "notes.pdf", PhotoContainers.pdfPhotoUnderHeading(photo.jpeg()));
                case 2 -> message("application/vnd.openxmlformats-officedocument.presentationml.presentation",
                        "notes.pptx", PhotoContainers.pptx(photo.jpeg()));
                default -> ("From: member@party.example\r\nTo: someone@elsewhere.example\r\nSubject: sheet\r\n"
                        + "MIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
                        + PhotoContainers.htmlWithDataUri(photo.jpeg())).getBytes(StandardCharsets.US_ASCII);
            };
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int found(String set, List<CanvassSheets.Photo> photos) {
        return found(set, photos, PhotographedListsTest::message);
    }

    private static int found(String set, List<CanvassSheets.Photo> photos,
                             java.util.function.Function<CanvassSheets.Photo, byte[]> message) {
        int found = 0;
        StringBuilder report = new StringBuilder(set + " (" + CanvassSheets.PEOPLE + " people each):\n");
        for (CanvassSheets.Photo photo : photos) {
            long started = System.nanoTime();
            Judgement judged = engine.judge(message.apply(photo), OUTSIDE, policy);
            List<Fact> personal = judged.facts().stream()
                    .filter(f -> f.kind() == FindingKind.PERSONAL_DATA || f.kind() == FindingKind.SPECIAL_CATEGORY_DATA)
                    .toList();
            int records = personal.stream().mapToInt(Fact::records).max().orElse(0);
            if (!personal.isEmpty()) {
                found++;
            }
            report.append(String.format("  %-28s %5d px  %-9s records %2d  special %-5s %5d ms  %s%n", photo.name(),
                    photo.width(), personal.isEmpty() ? "MISSED" : "found", records,
                    personal.stream().anyMatch(f -> f.kind() == FindingKind.SPECIAL_CATEGORY_DATA),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), judged.decision().verdict()));
        }
        report.append(String.format("  found %d of %d%n", found, photos.size()));
        System.out.print(report);
        return found;
    }

    static byte[] message(CanvassSheets.Photo photo) {
        return message("image/jpeg", "IMG_" + photo.width() + ".jpg", photo.jpeg());
    }

    private static byte[] message(String type, String name, byte[] content) {
        String raw = "From: member@party.example\r\nTo: someone@elsewhere.example\r\nSubject: sheet from today\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
                + "--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHere's the sheet from this morning.\r\n"
                + "--b\r\nContent-Type: " + type + "; name=\"" + name + "\"\r\n"
                + "Content-Disposition: attachment; filename=\"" + name + "\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString(content) + "\r\n--b--\r\n";
        return raw.getBytes(StandardCharsets.US_ASCII);
    }

    /** OCR is part of the gateway's promise where CI installs it: a missing Tesseract fails, never skips. */
    public static void assertTesseractInstalled() throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder("tesseract", "--list-langs").redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("tesseract is not installed: apt-get install tesseract-ocr tesseract-ocr-eng"
                    + " tesseract-ocr-cym (README, set-up)", e);
        }
        String langs = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(30, TimeUnit.SECONDS);
        assertThat(langs).as("tesseract language data").contains("eng").contains("cym");
    }

    private static String resource(String path) {
        try (InputStream in = Objects.requireNonNull(PhotographedListsTest.class.getResourceAsStream(path), path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
