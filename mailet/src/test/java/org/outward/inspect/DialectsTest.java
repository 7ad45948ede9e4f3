package org.outward.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A file in a dialect or sub-format of what its name says is not disguised: XHTML saved as {@code .html}, RTF or
 * Word 2003 XML saved as {@code .doc}, any text format sent as {@code .txt}. A file whose content is another
 * format altogether still is.
 */
class DialectsTest extends WithDefaultInspector {

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource(delimiter = '|', value = {
            "xhtml|text/html|agenda.html",
            "rtf|application/msword|letter.doc",
            "wordml|application/msword|minutes.doc",
            "isatab|text/plain|s_survey.txt",
            "xml|text/plain|export.txt",
            "json|text/plain|settings.txt"})
    void aDialectOfTheNamedTypeIsNotDisguised(String content, String declared, String name) {
        Inspection inspection = inspector.inspect(Mail.stream(Mail.message("d1",
                Mail.attachment(declared + "; name=" + name, "; filename=" + name, bytes(content)))));

        InspectedPart part = inspection.part("1/" + name).orElseThrow();
        assertThat(part.flags()).as("detected " + part.detectedType()).isEmpty();
        assertThat(inspection.findings(FindingKind.TYPE_MISMATCH)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void aWorkbookSentAsOctetStreamUnderItsOwnNameIsNotDisguised() throws Exception {
        Inspection inspection = inspector.inspect(Mail.stream(Mail.message("d3",
                Mail.attachment("application/octet-stream; name=ward.xlsx", "; filename=ward.xlsx", Samples.xlsx()))));

        assertThat(inspection.part("1/ward.xlsx").orElseThrow().flags()).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void aPngSavedAsJpgIsNotDisguised() throws Exception {
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB),
                "png", png);
        Inspection inspection = inspector.inspect(Mail.stream(Mail.message("d4",
                Mail.attachment("image/jpeg; name=photo.jpg", "; filename=photo.jpg", png.toByteArray()))));

        assertThat(inspection.part("1/photo.jpg").orElseThrow().flags()).isEmpty();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource(delimiter = '|', value = {
            "xlsx|application/octet-stream|photo.jpg",
            "xlsx|text/plain|notes.txt",
            "xhtml|application/msword|letter.doc",
            "rtf|text/html|page.html"})
    void anotherFormatUnderTheNameIsStillDisguised(String content, String declared, String name) throws Exception {
        byte[] body = content.equals("xlsx") ? Samples.xlsx() : bytes(content);
        Inspection inspection = inspector.inspect(Mail.stream(Mail.message("d2",
                Mail.attachment(declared + "; name=" + name, "; filename=" + name, body))));

        assertThat(inspection.part("1/" + name).orElseThrow().flags()).contains(TypeFlag.EXTENSION_MISMATCH);
    }

    private static byte[] bytes(String content) {
        String text = switch (content) {
            case "xhtml" -> "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0"
                    + " Strict//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\">\n<html xmlns="
                    + "\"http://www.w3.org/1999/xhtml\"><head><title>Agenda</title></head><body><p>Branch meeting"
                    + "</p></body></html>\n";
            case "rtf" -> "{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}}\\f0 Dear member, the AGM is on Friday.\\par}\n";
            case "wordml" -> "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<?mso-application"
                    + " progid=\"Word.Document\"?>\n<w:wordDocument xmlns:w=\"http://schemas.microsoft.com/office/word/"
                    + "2003/wordml\"><w:body><w:p><w:r><w:t>Minutes of the branch meeting</w:t></w:r></w:p></w:body>"
                    + "</w:wordDocument>\n";
            case "isatab" -> "\"Source Name\"\t\"Characteristics[ward]\"\t\"Date\"\n\"S1\"\t\"Riverside\"\t\"2026-11-02\"\n";
            case "xml" -> "<?xml version=\"1.0\"?>\n<leaflets><round ward=\"Riverside\" count=\"420\"/></leaflets>\n";
            case "json" -> "{\"rounds\": [{\"ward\": \"Riverside\", \"count\": 420}]}\n";
            default -> throw new IllegalArgumentException(content);
        };
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
