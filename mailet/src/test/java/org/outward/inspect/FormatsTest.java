package org.outward.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.outward.protect.Protection;

class FormatsTest extends WithDefaultInspector {

    @Test
    void tnefAttachmentsBecomeParts() {
        byte[] winmail = Tnef.withAttachment("members.csv", Samples.csv());
        Inspection inspection = inspector.inspect(Mail.stream(Mail.message("t1",
                Mail.text("see attached"),
                Mail.attachment("application/ms-tnef; name=winmail.dat", "; filename=winmail.dat", winmail))));

        InspectedPart tnef = inspection.part("2/winmail.dat").orElseThrow();
        assertThat(tnef.detectedType()).isEqualTo("application/vnd.ms-tnef");
        InspectedPart csv = inspection.part("2/winmail.dat/1/members.csv").orElseThrow();
        assertThat(csv.disposition()).isEqualTo(InspectedPart.Disposition.EMBEDDED);
        assertThat(csv.text().tables().get(0).rows().get(0)).contains("Elector number");
    }

    @ParameterizedTest
    @CsvSource({"1251, windows-1251, члены.csv", "932, Shift_JIS, 会員名簿.csv", "1253, windows-1253, μέλη.csv"})
    void tnefFromASenderWithAnotherCodePageIsReadToTheEnd(int codePage, String charset, String name) {
        byte[] winmail = Tnef.withAttachment(name, Samples.csv(), codePage, java.nio.charset.Charset.forName(charset));
        Inspection inspection = inspector.inspect(Mail.stream(Mail.message("t2",
                Mail.text("see attached"),
                Mail.attachment("application/ms-tnef; name=winmail.dat", "; filename=winmail.dat", winmail))));

        assertThat(inspection.findings()).isEmpty();
        InspectedPart csv = inspection.parts().stream().filter(p -> p.path().startsWith("2/winmail.dat/"))
                .findFirst().orElseThrow();
        assertThat(csv.path()).isEqualTo("2/winmail.dat/1/" + name);
        assertThat(csv.text().tables().get(0).rows().get(0)).contains("Elector number");
        assertThat(csv.protection().level()).isEqualTo(org.outward.protect.ProtectionLevel.NONE);
    }

    @Test
    void quotedPrintableHtmlAndItsTablesAreRead() {
        String html = "<html><body><p>Canvass =E2=80=93 results</p><table><tr><th>Name</th><th>Door</th></tr>"
                + "<tr><td>Ann Jones</td><td>12</td></tr></table></body></html>";
        String raw = Mail.headers("text/html; charset=utf-8") + "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
                + html + "\r\n";

        InspectedPart part = inspector.inspect(Mail.stream(raw)).part("1").orElseThrow();

        assertThat(part.detectedType()).isEqualTo("text/html");
        assertThat(part.text().text()).contains("Canvass – results");
        assertThat(part.text().tables()).singleElement()
                .satisfies(t -> assertThat(t.rows().get(0)).containsExactly("Name", "Door"));
    }

    @Test
    void parserPastTheTimeLimitIsAFindingNotAHang() throws Exception {
        byte[] xlsx = Samples.xlsx();
        try (MessageInspector hurried = new MessageInspector(
                InspectionLimits.defaults().withTimePerPart(java.time.Duration.ofMillis(1)), (f, t, n) -> Protection.none())) {
            long start = System.nanoTime();
            Inspection inspection = hurried.inspect(Mail.stream(Mail.message("x1",
                    Mail.attachment("application/octet-stream", "; filename=a.xlsx", xlsx))));
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(5));
            assertThat(inspection.findings(FindingKind.TIME_LIMIT)).isNotEmpty();
            assertThat(inspection.part("1/a.xlsx")).isPresent();
        }
    }

    @Test
    void pdfTextIsRead() throws Exception {
        byte[] pdf = Samples.pdf("Polling district KA1 walk sheet");
        Inspection inspection = inspector.inspect(Mail.stream(Mail.message("p1",
                Mail.attachment("application/pdf", "; filename=walk.pdf", pdf))));

        InspectedPart part = inspection.part("1/walk.pdf").orElseThrow();
        assertThat(part.detectedType()).isEqualTo("application/pdf");
        assertThat(part.text().text()).contains("Polling district KA1 walk sheet");
        assertThat(new String(pdf, StandardCharsets.ISO_8859_1)).startsWith("%PDF");
    }

    /**
     * A form whose page carries no text of its own (the words are in its fields) is an everyday PDF: Tika's PDF
     * parser reads it, and so must the gateway, without trying OCR on the page.
     */
    @Test
    void aPdfFormWithNoTextOnItsPageIsReadNotHeld() throws Exception {
        byte[] pdf;
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            PDAcroForm form = new PDAcroForm(doc);
            doc.getDocumentCatalog().setAcroForm(form);
            PDResources resources = new PDResources();
            resources.put(COSName.getPDFName("Helv"), new PDType1Font(Standard14Fonts.FontName.HELVETICA));
            form.setDefaultResources(resources);
            form.setDefaultAppearance("/Helv 10 Tf 0 g");
            PDTextField ward = new PDTextField(form);
            ward.setPartialName("ward");
            PDAnnotationWidget widget = ward.getWidgets().get(0);
            widget.setRectangle(new PDRectangle(50, 700, 300, 20));
            widget.setPage(page);
            page.getAnnotations().add(widget);
            form.getFields().add(ward);
            ward.setValue("Riverside ward volunteer rota");
            doc.save(out);
            pdf = out.toByteArray();
        }

        Inspection inspection = inspector.inspect(Mail.stream(Mail.message("p2",
                Mail.attachment("application/pdf", "; filename=rota-form.pdf", pdf))));

        assertThat(inspection.findings()).isEmpty();
        assertThat(inspection.part("1/rota-form.pdf").orElseThrow().text().text()).contains("Riverside ward volunteer rota");
    }

    @Test
    void aParseFailureNamesItsCauseAndParserButNoContent() {
        byte[] broken = "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\nRhiannon Pryce\n".getBytes(StandardCharsets.ISO_8859_1);

        Inspection inspection = inspector.inspect(Mail.stream(Mail.message("p3",
                Mail.attachment("application/pdf", "; filename=broken.pdf", broken))));

        assertThat(inspection.findings(FindingKind.UNREADABLE)).singleElement().satisfies(f -> assertThat(f.detail())
                .startsWith("text extraction: ").contains("in PDFParser").doesNotContain("Rhiannon"));
    }
}
