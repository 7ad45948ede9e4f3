package org.outward.inspect;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * The small mix of everyday documents a parser process parses when it starts ({@link WarmUp}): one of each format
 * members send most (PDF, DOCX, XLSX, ODT, and HTML, which Outlook messages carry as their body), made here in
 * memory with the same libraries the parsers read them with. They hold made-up words only, never personal data.
 *
 * <p>No archive is among them: archives are expanded in the gateway, never in a parser process. Each sample is
 * made on its own, so one that cannot be made leaves the others.
 */
final class WarmUpSamples {

    /** One sample: its file name, the type the gateway would have detected, and a way to make its bytes. */
    record Sample(String name, String type, Maker maker) {
    }

    /** Makes a sample's bytes. */
    @FunctionalInterface
    interface Maker {
        byte[] make() throws IOException;
    }

    private static final String[] LINES = {"Agenda for the branch meeting", "Apologies and minutes of the last meeting",
        "Leaflet round for the spring", "Any other business"};

    private WarmUpSamples() {
    }

    /** The built-in mix. */
    static List<Sample> builtIn() {
        return List.of(
                new Sample("agenda.pdf", "application/pdf", WarmUpSamples::pdf),
                new Sample("minutes.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        WarmUpSamples::docx),
                new Sample("budget.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        WarmUpSamples::xlsx),
                new Sample("notes.odt", "application/vnd.oasis.opendocument.text", WarmUpSamples::odt),
                new Sample("newsletter.html", "text/html", WarmUpSamples::html));
    }

    private static byte[] pdf() throws IOException {
        return pdf(List.of(LINES));
    }

    /** A one-page PDF (PDFBox, Helvetica) showing the lines. */
    static byte[] pdf(List<String> lines) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
                content.newLineAtOffset(72, 700);
                for (String line : lines) {
                    content.showText(line);
                    content.newLineAtOffset(0, -16);
                }
                content.endText();
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] docx() throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String line : LINES) {
                doc.createParagraph().createRun().setText(line);
            }
            var table = doc.createTable(2, 2);
            table.getRow(0).getCell(0).setText("Item");
            table.getRow(0).getCell(1).setText("Lead");
            table.getRow(1).getCell(0).setText("Leaflets");
            table.getRow(1).getCell(1).setText("Chair");
            doc.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] xlsx() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = wb.createSheet("Budget");
            String[] items = {"Leaflets", "Hall hire", "Stamps"};
            for (int r = 0; r < items.length; r++) {
                var row = sheet.createRow(r);
                row.createCell(0).setCellValue(items[r]);
                row.createCell(1).setCellValue(25.5 * (r + 1));
            }
            sheet.createRow(items.length).createCell(1).setCellFormula("SUM(B1:B3)");
            wb.write(out);
            return out.toByteArray();
        }
    }

    /** An OpenDocument text as the format defines it: a stored mimetype first, then the manifest and content. */
    private static byte[] odt() throws IOException {
        StringBuilder body = new StringBuilder();
        for (String line : LINES) {
            body.append("<text:p>").append(line).append("</text:p>");
        }
        String content = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">"
                + "<office:body><office:text>" + body + "</office:text></office:body></office:document-content>";
        String manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\""
                + " manifest:version=\"1.2\">"
                + "<manifest:file-entry manifest:full-path=\"/\""
                + " manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
                + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
                + "</manifest:manifest>";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            byte[] type = "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII);
            ZipEntry mimetype = new ZipEntry("mimetype");
            mimetype.setMethod(ZipEntry.STORED);
            mimetype.setSize(type.length);
            CRC32 crc = new CRC32();
            crc.update(type);
            mimetype.setCrc(crc.getValue());
            zip.putNextEntry(mimetype);
            zip.write(type);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("META-INF/manifest.xml"));
            zip.write(manifest.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static byte[] html() {
        StringBuilder html = new StringBuilder("<html><head><title>Newsletter</title></head><body><h1>News</h1><ul>");
        for (String line : LINES) {
            html.append("<li>").append(line).append("</li>");
        }
        return html.append("</ul><p>See you <b>there</b>.</p></body></html>").toString().getBytes(StandardCharsets.UTF_8);
    }
}
