package org.outward.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.outward.detect.personal.PhotographedListsTest;
import org.outward.fixtures.photos.SignatureLogo;
import org.outward.protect.Protection;
import org.outward.protect.verify.PasswordCheckReaders;

/**
 * Ordinary party documents with no photo in them, read with OCR on: a PDF agenda and DOCX minutes under a
 * letterhead (a small logo, or a banner at print resolution), and an HTML note with its logo inlined. The images
 * Tika hands back from them cost no OCR: a logo is dropped by its declared size, a banner by the screen. Needs
 * Tesseract (CI installs it): fails without.
 */
class OrdinaryDocumentsOcrCostTest {

    /** A logo as a letterhead carries it, and a letterhead banner scanned at print resolution. */
    private static final int[][] LETTERHEADS = {{180, 60}, {1240, 300}};

    @TempDir
    Path temp;

    private final InspectionLimits ocrOn = InspectionLimits.defaults().withTimePerPart(Duration.ofSeconds(120))
            .withOcr(new OcrSettings(true, "eng+cym", 40_000_000, Duration.ofSeconds(60)));

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void aPdfAgendaUnderALetterheadCostsNoOcr(int letterhead) throws Exception {
        assertNoOcr("agenda.pdf", "application/pdf", agendaPdf(logo(LETTERHEADS[letterhead])));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void docxMinutesUnderALetterheadCostNoOcr(int letterhead) throws Exception {
        assertNoOcr("minutes.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                minutesDocx(logo(LETTERHEADS[letterhead])));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void anHtmlNoteWithItsLogoInlinedCostsNoOcr(int letterhead) throws Exception {
        String html = "<html><body><p>See you at the leaflet run.</p><p>Sam</p><img src=\"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(logo(LETTERHEADS[letterhead])) + "\"></body></html>";
        assertNoOcr(Mail.headers("text/html; charset=utf-8") + "\r\n" + html);
    }

    private void assertNoOcr(String name, String type, byte[] content) throws Exception {
        assertNoOcr(Mail.message("b", Mail.text("Attached for Thursday."),
                Mail.attachment(type + "; name=\"" + name + "\"", "; filename=\"" + name + "\"", content)));
    }

    private void assertNoOcr(String raw) throws Exception {
        PhotographedListsTest.assertTesseractInstalled();
        long read = OcrCounts.read();
        long skipped = OcrCounts.skipped();
        try (MessageInspector inspector = new MessageInspector(ocrOn, (f, t, n) -> Protection.none(),
                ParserIsolation.defaults(), PasswordCheckReaders.defaults(), temp, OcrAvailability.tesseract())) {
            Inspection inspection = inspector.inspect(Mail.stream(raw));
            assertThat(inspection.findings()).isEmpty();
            System.out.printf("parts %d, images read by OCR %d, skipped by the screen %d%n",
                    inspection.parts().size(), OcrCounts.read() - read, OcrCounts.skipped() - skipped);
        }
        assertThat(OcrCounts.read()).as("images read by OCR").isEqualTo(read);
    }

    private static byte[] logo(int[] size) {
        return SignatureLogo.png(size[0], size[1], new Color(250, 164, 26));
    }

    /** Three pages of forty typed lines, the letterhead image at the top of each (one image, drawn three times). */
    static byte[] agendaPdf(byte[] letterhead) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(letterhead));
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDImageXObject picture = LosslessFactory.createFromImage(document, image);
            for (int p = 0; p < 3; p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.drawImage(picture, 50, 770, 495, 495f * image.getHeight() / image.getWidth());
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
                    content.newLineAtOffset(50, 700);
                    for (int line = 0; line < 40; line++) {
                        content.showText("Item " + (p * 40 + line) + ": leaflet delivery, round " + line);
                        content.newLineAtOffset(0, -16);
                    }
                    content.endText();
                }
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    /** Thirty paragraphs of minutes under the letterhead image. */
    static byte[] minutesDocx(byte[] letterhead) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(letterhead));
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().addPicture(new ByteArrayInputStream(letterhead),
                    Document.PICTURE_TYPE_PNG, "letterhead.png", Units.toEMU(450),
                    Units.toEMU(450.0 * image.getHeight() / image.getWidth()));
            for (int i = 0; i < 30; i++) {
                doc.createParagraph().createRun().setText("Minute " + i
                        + ": the committee agreed the leaflet plan for round " + i + ".");
            }
            doc.write(out);
            return out.toByteArray();
        }
    }
}
