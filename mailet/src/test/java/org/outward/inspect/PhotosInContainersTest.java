package org.outward.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.outward.detect.personal.PhotographedListsTest;
import org.outward.fixtures.photos.CanvassSheets;
import org.outward.fixtures.photos.PhotoContainers;
import org.outward.protect.Protection;
import org.outward.protect.verify.PasswordCheckReaders;

/**
 * A phone photo of a canvass sheet of twenty people, sent not as an image part of its own but inside another
 * container (a document, a PDF page with typed text, an HTML body, an archive, a forwarded message, a
 * winmail.dat): it is read by OCR all the same, through the inspection's real walk and parser processes. Needs
 * Tesseract (CI installs it): fails without.
 */
class PhotosInContainersTest {

    /** A mobile number as the development sheets print them. */
    private static final Pattern MOBILE = Pattern.compile("07\\d{3} ?\\d{6}");
    /** Of the twenty people's numbers, how many OCR must read for the list to count as read. */
    private static final int READ = 10;

    private static byte[] photo;

    @TempDir
    Path temp;

    private final InspectionLimits ocrOn = InspectionLimits.defaults().withTimePerPart(Duration.ofSeconds(180))
            .withOcr(new OcrSettings(true, "eng+cym", 40_000_000, Duration.ofSeconds(150)));

    @BeforeAll
    static void photo() throws Exception {
        PhotographedListsTest.assertTesseractInstalled();
        photo = CanvassSheets.photos(7, 1, 1000).get(0).jpeg();
    }

    /** The containers an insider can attach: the photo pasted, placed or zipped into each. */
    static Stream<Arguments> attachedContainers() {
        return Stream.of(
                Arguments.of("notes.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        (Wrap) PhotoContainers::docx),
                Arguments.of("notes.odt", "application/vnd.oasis.opendocument.text", (Wrap) PhotoContainers::odt),
                Arguments.of("notes.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        (Wrap) PhotoContainers::xlsx),
                Arguments.of("notes.pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation",
                        (Wrap) PhotoContainers::pptx),
                Arguments.of("heading.pdf", "application/pdf", (Wrap) PhotoContainers::pdfPhotoUnderHeading),
                Arguments.of("second-page.pdf", "application/pdf", (Wrap) PhotoContainers::pdfTextPageThenPhotoPage),
                Arguments.of("sheets.zip", "application/zip", (Wrap) jpeg -> PhotoContainers.zip("IMG_2041.jpg", jpeg)),
                Arguments.of("winmail.dat", "application/ms-tnef",
                        (Wrap) jpeg -> Tnef.withAttachment("IMG_2041.jpg", jpeg)));
    }

    /** Puts the photo into a container. */
    interface Wrap {
        byte[] around(byte[] jpeg) throws Exception;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attachedContainers")
    void aPhotoInAnAttachedContainerIsRead(String name, String type, Wrap wrap) throws Exception {
        assertRead(attached(type, name, wrap.around(photo)));
    }

    @Test
    void aPhotoInlinedInAnHtmlBodyAsADataUriIsRead() throws Exception {
        assertRead(Mail.headers("text/html; charset=utf-8") + "\r\n" + PhotoContainers.htmlWithDataUri(photo));
    }

    @Test
    void aPhotoInAnHtmlBodyByContentIdIsRead() throws Exception {
        String html = "Content-Type: text/html; charset=utf-8\r\n\r\n<html><body><p>" + PhotoContainers.SENTENCE
                + "</p><img src=\"cid:sheet@party.example\"></body></html>";
        String image = "Content-Type: image/jpeg\r\nContent-ID: <sheet@party.example>\r\n"
                + "Content-Disposition: inline\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString(photo) + "\r\n";
        assertRead(Mail.headers("multipart/related; boundary=\"r\"; type=\"text/html\"") + "\r\n"
                + Mail.multipart("r", html, image));
    }

    @Test
    void aPhotoInAForwardedMessageIsRead() throws Exception {
        String forwarded = Mail.message("f", Mail.text(PhotoContainers.SENTENCE),
                Mail.attachment("image/jpeg; name=\"IMG_2041.jpg\"", "; filename=\"IMG_2041.jpg\"", photo));
        assertRead(Mail.message("b", Mail.text("Forwarding this."), "Content-Type: message/rfc822\r\n"
                + "Content-Disposition: attachment; filename=\"Fwd.eml\"\r\n\r\n" + forwarded));
    }

    @Test
    void aPastedPhotoOverThePixelLimitIsNotFullyInspected() throws Exception {
        InspectionLimits small = ocrOn.withOcr(new OcrSettings(true, "eng", 500_000, Duration.ofSeconds(60)));
        try (MessageInspector inspector = inspector(small)) {
            Inspection inspection = inspector.inspect(Mail.stream(attached(
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "notes.docx",
                    PhotoContainers.docx(photo))));
            assertThat(inspection.findings()).singleElement().satisfies(f -> {
                assertThat(f.kind()).isEqualTo(FindingKind.PART_SIZE_LIMIT);
                assertThat(f.partPath()).startsWith("2/notes.docx/");
            });
        }
    }

    private static String attached(String type, String name, byte[] content) {
        return Mail.message("b", Mail.text(PhotoContainers.SENTENCE),
                Mail.attachment(type + "; name=\"" + name + "\"", "; filename=\"" + name + "\"", content));
    }

    private void assertRead(String raw) {
        long read = OcrCounts.read();
        try (MessageInspector inspector = inspector(ocrOn)) {
            Inspection inspection = inspector.inspect(Mail.stream(raw));
            String text = inspection.parts().stream().map(p -> p.text().text()).collect(Collectors.joining("\n"));
            String parts = inspection.parts().stream().map(p -> p.path() + " " + p.detectedType())
                    .collect(Collectors.joining(", "));
            // More numbers than people would mean the photo was read twice (as a page and again as its image).
            assertThat(count(text)).as("phone numbers of 20 read by OCR; parts: " + parts + "; findings: "
                    + inspection.findings()).isBetween(READ, CanvassSheets.PEOPLE);
        }
        System.out.println("OCR reads in the gateway: " + (OcrCounts.read() - read));
    }

    private MessageInspector inspector(InspectionLimits limits) {
        return new MessageInspector(limits, (f, t, n) -> Protection.none(), ParserIsolation.defaults(),
                PasswordCheckReaders.defaults(), temp, OcrAvailability.tesseract());
    }

    private static int count(String text) {
        Matcher m = MOBILE.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
