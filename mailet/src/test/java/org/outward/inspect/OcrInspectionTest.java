package org.outward.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outward.detect.personal.PhotographedListsTest;
import org.outward.fixtures.FakePeople;
import org.outward.fixtures.heldout.HeldOutSheetPhotos;
import org.outward.fixtures.photos.CanvassSheets;
import org.outward.fixtures.photos.HeicPhotos;
import org.outward.fixtures.photos.PhotoEncoder;
import org.outward.fixtures.photos.ScannedPdfs;
import org.outward.fixtures.photos.SignatureLogo;
import org.outward.protect.Protection;
import org.outward.protect.verify.PasswordCheckReaders;

/**
 * OCR through the inspection's real walk and parser processes: what is read, what is skipped unread, and what
 * happens on a machine without Tesseract or without a HEIF decoder. Needs Tesseract (CI installs it): the tests
 * that use it fail without. The HEIC tests need libheif-examples (CI installs it) and are skipped, saying so,
 * only where neither its encoder nor its decoder is installed.
 */
class OcrInspectionTest {

    /** A mobile number as the development sheets print them. */
    private static final Pattern MOBILE = Pattern.compile("07\\d{3} ?\\d{6}");

    /** A phone number as the held-out people write them ({@code HeldOutPeople}). */
    private static final Pattern HELD_OUT_PHONE = Pattern.compile(
            "\\+44 7700 ?900 ?\\d{3}|07700 ?900 ?\\d{3}|01632 ?960\\d{3}|029 2018 \\d{4}|\\(01970\\) 6\\d{5}");

    @TempDir
    Path temp;

    private final InspectionLimits ocrOn = InspectionLimits.defaults().withTimePerPart(Duration.ofSeconds(180))
            .withOcr(new OcrSettings(true, "eng+cym", 40_000_000, Duration.ofSeconds(150)));

    @Test
    void anImageOnlyPdfOfARegisterPageIsReadByOcr() throws Exception {
        assertScannedPageRead(ScannedPdfs.grey(CanvassSheets.sheet(new FakePeople(11))));
    }

    /** Office copiers and scanners write text pages black and white in JBIG2; PDFBox decodes it with jbig2-imageio. */
    @Test
    void aRegisterPageScannedToJbig2IsReadByOcr() throws Exception {
        assertScannedPageRead(ScannedPdfs.jbig2(CanvassSheets.sheet(new FakePeople(11))));
    }

    private void assertScannedPageRead(byte[] pdf) throws Exception {
        PhotographedListsTest.assertTesseractInstalled();
        Inspection inspection = inspectPdf(pdf);
        String text = inspection.parts().get(inspection.parts().size() - 1).text().text();
        assertThat(count(MOBILE, text)).as("phone numbers read from the scanned page").isGreaterThanOrEqualTo(15);
        assertThat(inspection.findings()).isEmpty();
    }

    /**
     * A page image in JPEG 2000, which no decoder here reads (the JDK has none, and the one for ImageIO is
     * unmaintained under a licence of its own): the page would render blank and read as holding no text, so the
     * PDF is not fully inspected.
     */
    @Test
    void aRegisterPageScannedToJpeg2000IsNotFullyInspected() throws Exception {
        PhotographedListsTest.assertTesseractInstalled();
        Inspection inspection = inspectPdf(ScannedPdfs.jpeg2000(CanvassSheets.sheet(new FakePeople(11))));
        assertThat(inspection.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.UNREADABLE);
            assertThat(f.detail()).contains("JPEG 2000").contains("page 1");
        });
    }

    private Inspection inspectPdf(byte[] pdf) {
        try (MessageInspector inspector = inspector(ocrOn, OcrAvailability.tesseract())) {
            return inspector.inspect(Mail.stream(Mail.message("b", Mail.text("Register page."),
                    Mail.attachment("application/pdf; name=\"register.pdf\"", "; filename=\"register.pdf\"", pdf))));
        }
    }

    @Test
    void withOcrOffAScannedPdfHasNoText() throws Exception {
        byte[] pdf = ScannedPdfs.grey(CanvassSheets.sheet(new FakePeople(11)));
        try (MessageInspector inspector = inspector(InspectionLimits.defaults(), OcrAvailability.tesseract())) {
            Inspection inspection = inspector.inspect(Mail.stream(Mail.message("b", Mail.text("Register page."),
                    Mail.attachment("application/pdf; name=\"register.pdf\"", "; filename=\"register.pdf\"", pdf))));
            assertThat(count(MOBILE, inspection.parts().get(inspection.parts().size() - 1).text().text())).isZero();
        }
    }

    @Test
    void aLogoInTheSignatureCostsNoOcr() throws Exception {
        PhotographedListsTest.assertTesseractInstalled();
        long read = OcrCounts.read();
        long skipped = OcrCounts.skipped();
        try (MessageInspector inspector = inspector(ocrOn, OcrAvailability.tesseract())) {
            Inspection inspection = inspector.inspect(Mail.stream(Mail.message("b", Mail.text("Thanks,\r\nSam"),
                    Mail.attachment("image/png; name=\"logo.png\"", "; filename=\"logo.png\"", SignatureLogo.png(160, 48, new Color(200, 20, 40))))));
            assertThat(inspection.findings()).isEmpty();
        }
        assertThat(OcrCounts.read()).as("images sent to OCR").isEqualTo(read);
        assertThat(OcrCounts.skipped()).as("images the pre-check skipped").isEqualTo(skipped + 1);
    }

    @Test
    void withoutTesseractOcrIsOffAndAPhotoIsJudgedAsBefore() throws Exception {
        byte[] photo = CanvassSheets.photos(7, 1, 1000).get(0).jpeg();
        try (MessageInspector inspector = inspector(ocrOn, new OcrAvailability("outward-no-such-tesseract"))) {
            assertThat(inspector.limits().ocr().enabled()).isFalse();
            Inspection inspection = inspector.inspect(Mail.stream(Mail.message("b", Mail.text("Sheet."),
                    Mail.attachment("image/jpeg; name=\"IMG_1.jpg\"", "; filename=\"IMG_1.jpg\"", photo))));
            assertThat(inspection.findings()).isEmpty();
            assertThat(inspection.parts().get(inspection.parts().size() - 1).text().text()).isEmpty();
        }
    }

    @Test
    void aPhotoOverThePixelLimitIsNotFullyInspected() throws Exception {
        PhotographedListsTest.assertTesseractInstalled();
        byte[] photo = CanvassSheets.photos(7, 1, 1000).get(0).jpeg();
        assertThat(inspectPhoto(smallPixelLimit(), "image/jpeg", "IMG_1.jpg", photo).findings())
                .extracting(InspectionFinding::kind).containsExactly(FindingKind.PART_SIZE_LIMIT);
    }

    @Test
    void aHeicPhotoOfACanvassSheetIsReadByOcr() throws Exception {
        PhotographedListsTest.assertTesseractInstalled();
        byte[] photo = heicPhoto();
        long read = OcrCounts.read();
        Inspection inspection = inspectPhoto(ocrOn, "image/heic", "IMG_2041.HEIC", photo);
        InspectedPart part = inspection.parts().get(inspection.parts().size() - 1);
        assertThat(part.detectedType()).isEqualTo("image/heic");
        assertThat(count(MOBILE, part.text().text())).as("phone numbers read from the photo").isGreaterThanOrEqualTo(10);
        assertThat(inspection.findings()).isEmpty();
        assertThat(OcrCounts.read()).as("images read by OCR").isEqualTo(read + 1);
    }

    @Test
    void withoutAHeifDecoderAHeicPhotoIsNotFullyInspected() throws Exception {
        PhotographedListsTest.assertTesseractInstalled();
        byte[] photo = heicPhoto();
        try (MessageInspector inspector = inspector(ocrOn,
                new OcrAvailability("tesseract", "outward-no-such-heif-convert"))) {
            assertThat(inspector.limits().ocr().enabled()).as("OCR of other images goes on").isTrue();
            Inspection inspection = inspector.inspect(Mail.stream(Mail.message("b", Mail.text("Sheet."),
                    Mail.attachment("image/heic; name=\"IMG_2041.HEIC\"", "; filename=\"IMG_2041.HEIC\"", photo))));
            assertThat(inspection.findings()).singleElement().satisfies(f -> {
                assertThat(f.kind()).isEqualTo(FindingKind.UNREADABLE);
                assertThat(f.detail()).contains("HEIC").contains("no HEIF decoder");
            });
        }
    }

    @Test
    void aHeicPhotoOverThePixelLimitIsNotDecoded() throws Exception {
        PhotographedListsTest.assertTesseractInstalled();
        byte[] photo = heicPhoto();
        assertThat(inspectPhoto(smallPixelLimit(), "image/heic", "IMG_2041.HEIC", photo).findings())
                .extracting(InspectionFinding::kind).containsExactly(FindingKind.PART_SIZE_LIMIT);
    }

    /** Browsers save images as WebP, and so do some Android phones. */
    @Test
    void aWebpPhotoOfACanvassSheetIsReadByOcr() throws Exception {
        assertReadByOcr(PhotoEncoder.WEBP, "image/webp", "IMG_2041.webp");
    }

    /** Android phones save photos as AVIF; libheif's decoder reads them as it reads HEIC. */
    @Test
    void anAvifPhotoOfACanvassSheetIsReadByOcr() throws Exception {
        assertReadByOcr(PhotoEncoder.AVIF, "image/avif", "IMG_2041.avif");
    }

    /** A photo format no decoder here reads is not fully inspected: it may hold a list as well as a JPEG may. */
    @Test
    void aJpegXlPhotoIsNotFullyInspected() throws Exception {
        assertNotFullyInspected(PhotoEncoder.JPEG_XL, "image/jxl", "IMG_2041.jxl");
    }

    @Test
    void aJpeg2000ScanIsNotFullyInspected() throws Exception {
        assertNotFullyInspected(PhotoEncoder.JPEG_2000, "image/jp2", "scan-0001.jp2");
    }

    private void assertReadByOcr(PhotoEncoder encoder, String type, String name) throws Exception {
        PhotographedListsTest.assertTesseractInstalled();
        byte[] photo = encoder.fromJpeg(CanvassSheets.photos(7, 1, 1300).get(0).jpeg());
        long read = OcrCounts.read();
        Inspection inspection = inspectPhoto(ocrOn, type, name, photo);
        InspectedPart part = inspection.parts().get(inspection.parts().size() - 1);
        assertThat(part.detectedType()).isEqualTo(type);
        assertThat(count(MOBILE, part.text().text())).as("phone numbers read from the photo").isGreaterThanOrEqualTo(10);
        assertThat(inspection.findings()).isEmpty();
        assertThat(OcrCounts.read()).as("images read by OCR").isEqualTo(read + 1);
    }

    private void assertNotFullyInspected(PhotoEncoder encoder, String type, String name) throws Exception {
        PhotographedListsTest.assertTesseractInstalled();
        byte[] photo = encoder.fromJpeg(CanvassSheets.photos(7, 1, 1300).get(0).jpeg());
        Inspection inspection = inspectPhoto(ocrOn, type, name, photo);
        assertThat(inspection.parts().get(inspection.parts().size() - 1).detectedType()).isEqualTo(type);
        assertThat(inspection.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.UNREADABLE);
            assertThat(f.detail()).contains("no decoder");
        });
    }

    private InspectionLimits smallPixelLimit() {
        return ocrOn.withOcr(new OcrSettings(true, "eng", 500_000, Duration.ofSeconds(60)));
    }

    /** A message with one photo attached, inspected with Tesseract and the HEIF decoder as installed here. */
    private Inspection inspectPhoto(InspectionLimits limits, String type, String name, byte[] photo) {
        try (MessageInspector inspector = inspector(limits, OcrAvailability.tesseract())) {
            return inspector.inspect(Mail.stream(Mail.message("b", Mail.text("Sheet."),
                    Mail.attachment(type + "; name=\"" + name + "\"", "; filename=\"" + name + "\"", photo))));
        }
    }

    /** A phone photo of a canvass sheet, 1300 pixels wide, as an iPhone saves it; skipped without libheif. */
    private static byte[] heicPhoto() {
        Optional<String> why = HeicPhotos.whyNoHeicTest();
        assumeTrue(why.isEmpty(), () -> "HEIC test skipped: " + why.orElse(""));
        return HeicPhotos.fromJpeg(CanvassSheets.photos(7, 1, 1300).get(0).jpeg());
    }

    /**
     * A photo of a ruled table (development photo once missed: a cell border breaks Tesseract's layout) reads
     * with most of its rows: its ruling lines are taken out before OCR.
     */
    @Test
    void aPhotographedRuledTableIsReadWithItsRows() throws Exception {
        PhotographedListsTest.assertTesseractInstalled();
        byte[] photo = HeldOutSheetPhotos.photos(HeldOutSheetPhotos.MOVED_TO_DEVELOPMENT_SEED, 4, 1000, 1200, 1400)
                .get(3).jpeg();
        try (MessageInspector inspector = inspector(ocrOn, OcrAvailability.tesseract())) {
            Inspection inspection = inspector.inspect(Mail.stream(Mail.message("b", Mail.text("Sheet."),
                    Mail.attachment("image/jpeg; name=\"IMG_3.jpg\"", "; filename=\"IMG_3.jpg\"", photo))));
            String text = inspection.parts().get(inspection.parts().size() - 1).text().text();
            assertThat(count(HELD_OUT_PHONE, text)).as("phone numbers read of 20").isGreaterThanOrEqualTo(12);
        }
    }

    /** A scanned PDF page of a ruled table is read the same way: its page image goes through the same cleaning. */
    @Test
    void aScannedRuledTableIsReadWithItsRows() throws Exception {
        PhotographedListsTest.assertTesseractInstalled();
        byte[] photo = HeldOutSheetPhotos.photos(HeldOutSheetPhotos.MOVED_TO_DEVELOPMENT_SEED, 10, 1000, 1200, 1400)
                .get(9).jpeg();
        byte[] pdf = ScannedPdfs.grey(ImageIO.read(new ByteArrayInputStream(photo)));
        try (MessageInspector inspector = inspector(ocrOn, OcrAvailability.tesseract())) {
            Inspection inspection = inspector.inspect(Mail.stream(Mail.message("b", Mail.text("Register page."),
                    Mail.attachment("application/pdf; name=\"register.pdf\"", "; filename=\"register.pdf\"", pdf))));
            String text = inspection.parts().get(inspection.parts().size() - 1).text().text();
            assertThat(count(HELD_OUT_PHONE, text)).as("phone numbers read of 20").isGreaterThanOrEqualTo(12);
        }
    }

    private MessageInspector inspector(InspectionLimits limits, OcrAvailability ocr) {
        return new MessageInspector(limits, (f, t, n) -> Protection.none(), ParserIsolation.defaults(),
                PasswordCheckReaders.defaults(), temp, ocr);
    }

    private static int count(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
