package org.outward.bench.load;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeBodyPart;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.outward.fixtures.photos.CanvassSheets;

/**
 * The fixed mixes of messages the load tool sends: ordinary party mail that every policy lets through, so
 * that every message is delivered and its arrival can be timed. Made from a fixed seed, once per run.
 */
enum MessageMix {
    /** Short notes between volunteers. */
    TEXT,
    /**
     * A note with one typical attachment (a PDF agenda, a DOCX minutes, or a small XLSX budget) and the pictures
     * mail programs add: two in three are HTML with a signature logo (PNG or JPEG), some of those carry emoji, one
     * in nine an event flyer pasted in, one in eighteen a phone photo of a street stall.
     */
    TYPICAL,
    /** Heavy mail: a 10 MB XLSX of figures, a 25 MB PDF, an archive nested in an archive. */
    HEAVY,
    /**
     * The typical mix with every fifth message of its cycle (four in eighteen) replaced by a volunteer's phone photo
     * of a printed canvass sheet of twenty people ({@link CanvassSheets}), which the default policy holds: see
     * {@link #carriesList}.
     */
    PHOTOS;

    /** Every this-many-th message of the photo mix's cycle carries a photographed list. */
    private static final int PHOTO_EVERY = 5;

    /** Distinct messages to cycle through; raw RFC 5322 bytes with CRLF line ends. */
    List<byte[]> messages() throws IOException, MessagingException {
        Random random = new Random(20261122L);
        List<byte[]> messages = new ArrayList<>();
        switch (this) {
            case TEXT -> {
                for (int i = 0; i < 20; i++) {
                    messages.add(message("Leaflet round " + i, note(random), List.of()));
                }
            }
            case TYPICAL -> messages.addAll(typical(random));
            case PHOTOS -> {
                List<byte[]> typical = typical(random);
                List<CanvassSheets.Photo> photos = CanvassSheets.photos(PHOTO_SEED, typical.size() / PHOTO_EVERY + 1,
                        1000, 1300, 1600);
                for (int i = 0; i < typical.size(); i++) {
                    messages.add(carriesList(i) ? photoMessage(photos.get(i / PHOTO_EVERY), random) : typical.get(i));
                }
            }
            case HEAVY -> {
                messages.add(message("Accounts", note(random), List.of(attachment("accounts.xlsx",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", largeXlsx(10 << 20, random)))));
                messages.add(message("Conference pack", note(random), List.of(attachment("conference-pack.pdf",
                        "application/pdf", largePdf(25 << 20, random)))));
                messages.add(message("Archive", note(random), List.of(attachment("leaflets.zip", "application/zip",
                        nestedZip(random)))));
            }
            default -> throw new IllegalStateException(name());
        }
        return messages;
    }

    /** Whether the message at this position of the mix carries a photographed list (only in {@link #PHOTOS}). */
    boolean carriesList(int position) {
        return this == PHOTOS && position % PHOTO_EVERY == 0;
    }

    /** The seed of the canvass sheets photographed for the photo mix. */
    private static final long PHOTO_SEED = 24_3001L;

    private static List<byte[]> typical(Random random) throws IOException, MessagingException {
        List<byte[]> messages = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            messages.add(message("Agenda " + i, note(random), pictures(3 * i, random),
                    List.of(attachment("agenda.pdf", "application/pdf", pdf(3, random)))));
            messages.add(message("Minutes " + i, note(random), pictures(3 * i + 1, random), List.of(attachment("minutes.docx",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx(random)))));
            messages.add(message("Budget " + i, note(random), pictures(3 * i + 2, random), List.of(attachment("budget.xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx(200, random)))));
        }
        return messages;
    }

    /**
     * The pictures in the body of the typical mix's message at this position: none for one in three (plain
     * text mail), otherwise a signature logo, PNG and JPEG in turn, with emoji in one in four, an event flyer in
     * one in nine and a phone photo of a street stall in one in eighteen.
     */
    private static List<Attachment> pictures(int position, Random random) {
        if (position % 3 == 2) {
            return List.of();
        }
        List<Attachment> pictures = new ArrayList<>();
        pictures.add(position % 2 == 0 ? attachment("image001.png", "image/png", MailImages.pngLogo(random))
                : attachment("image001.jpg", "image/jpeg", MailImages.jpegLogo(random)));
        if (position % 4 == 1) {
            pictures.add(attachment("emoji_1f642.png", "image/png", MailImages.emoji(random)));
            pictures.add(attachment("emoji_1f44d.png", "image/png", MailImages.emoji(random)));
        }
        if (position % 9 == 4) {
            pictures.add(attachment("image002.png", "image/png", MailImages.flyer(random)));
        }
        if (position % 18 == 6) {
            pictures.add(attachment("IMG_2046.jpg", "image/jpeg", MailImages.streetPhoto(random)));
        }
        return pictures;
    }

    private static byte[] photoMessage(CanvassSheets.Photo photo, Random random) throws IOException, MessagingException {
        String body = "Hi Alex,\r\n\r\nHere is the sheet from this morning's session, sorry it's a bit blurry.\r\n\r\nSam\r\n";
        return message("Canvass sheet", body, List.of(attachment("image001.png", "image/png", MailImages.pngLogo(random))),
                List.of(attachment(photo.name(), "image/jpeg", photo.jpeg())));
    }

    static MessageMix parse(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    private static String note(Random random) {
        String[] lines = {"Thanks for helping with the leaflets on Saturday.", "We meet at the library at 10am.",
                "The bundles are sorted by street and counted.", "Tea and biscuits afterwards at the hall.",
                "Please bring a high-visibility vest if you have one.", "The next committee meeting is on Thursday."};
        StringBuilder text = new StringBuilder("Hi all,\r\n\r\n");
        for (int i = 0; i < 3 + random.nextInt(4); i++) {
            text.append(lines[random.nextInt(lines.length)]).append("\r\n");
        }
        return text.append("\r\nSam\r\n").toString();
    }

    private record Attachment(String name, String type, byte[] bytes) {
    }

    private static Attachment attachment(String name, String type, byte[] bytes) {
        return new Attachment(name, type, bytes);
    }

    private static byte[] message(String subject, String body, List<Attachment> attachments)
            throws MessagingException, IOException {
        return message(subject, body, List.of(), attachments);
    }

    /**
     * A message as a mail program writes it: plain text alone, or, with pictures in the body, an HTML body that
     * shows them by Content-ID in a multipart/related beside a plain-text alternative; attachments after it.
     */
    private static byte[] message(String subject, String body, List<Attachment> inline, List<Attachment> attachments)
            throws MessagingException, IOException {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress("sam.volunteer@party.example"));
        message.setRecipients(javax.mail.Message.RecipientType.TO, "alex.agent@example.org");
        message.setSubject(subject, "UTF-8");
        if (attachments.isEmpty() && inline.isEmpty()) {
            message.setText(body, "UTF-8");
        } else {
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart text = new MimeBodyPart();
            if (inline.isEmpty()) {
                text.setText(body, "UTF-8");
            } else {
                text.setContent(related(body, inline));
            }
            mixed.addBodyPart(text);
            for (Attachment a : attachments) {
                MimeBodyPart part = new MimeBodyPart();
                part.setContent(a.bytes(), a.type());
                part.setFileName(a.name());
                part.setHeader("Content-Type", a.type() + "; name=\"" + a.name() + "\"");
                part.setHeader("Content-Transfer-Encoding", "base64");
                part.setDisposition(javax.mail.Part.ATTACHMENT);
                mixed.addBodyPart(part);
            }
            message.setContent(mixed);
        }
        message.saveChanges();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    private static MimeMultipart related(String body, List<Attachment> inline) throws MessagingException {
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(body, "UTF-8");
        alternative.addBodyPart(plain);
        StringBuilder html = new StringBuilder("<html><body><p>")
                .append(body.replace("\r\n\r\n", "</p><p>").replace("\r\n", "<br>")).append("</p>");
        for (int i = 0; i < inline.size(); i++) {
            html.append("<img src=\"cid:picture").append(i).append("@party.example\">");
        }
        MimeBodyPart htmlPart = new MimeBodyPart();
        htmlPart.setText(html.append("</body></html>").toString(), "UTF-8", "html");
        alternative.addBodyPart(htmlPart);
        MimeMultipart related = new MimeMultipart("related");
        MimeBodyPart alternatives = new MimeBodyPart();
        alternatives.setContent(alternative);
        related.addBodyPart(alternatives);
        for (int i = 0; i < inline.size(); i++) {
            Attachment picture = inline.get(i);
            MimeBodyPart part = new MimeBodyPart();
            part.setContent(picture.bytes(), picture.type());
            part.setHeader("Content-Type", picture.type() + "; name=\"" + picture.name() + "\"");
            part.setHeader("Content-Transfer-Encoding", "base64");
            part.setContentID("<picture" + i + "@party.example>");
            part.setDisposition(javax.mail.Part.INLINE);
            part.setFileName(picture.name());
            related.addBodyPart(part);
        }
        return related;
    }

    private static byte[] pdf(int pages, Random random) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int p = 0; p < pages; p++) {
                PDPage page = new PDPage();
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(font, 11);
                    content.newLineAtOffset(50, 740);
                    for (int line = 0; line < 40; line++) {
                        content.showText("Item " + (p * 40 + line) + ": leaflet delivery, round " + random.nextInt(90));
                        content.newLineAtOffset(0, -16);
                    }
                    content.endText();
                }
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] largePdf(int bytes, Random random) throws IOException {
        // Pages of text compress well, so padding pages carry an uncompressed stream of random figures.
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            int perPage = 256 * 1024;
            for (int p = 0; p < bytes / perPage; p++) {
                PDPage page = new PDPage();
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page,
                        PDPageContentStream.AppendMode.OVERWRITE, false)) {
                    content.beginText();
                    content.setFont(font, 6);
                    content.newLineAtOffset(20, 780);
                    StringBuilder row = new StringBuilder();
                    for (int written = 0; written < perPage; written += row.length() + 20) {
                        row.setLength(0);
                        for (int c = 0; c < 12; c++) {
                            row.append(random.nextInt(100_000)).append(' ');
                        }
                        content.showText(row.toString());
                        content.newLineAtOffset(0, -1);
                    }
                    content.endText();
                }
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] docx(Random random) throws IOException {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < 30; i++) {
                document.createParagraph().createRun().setText("Minute " + i + ": the committee agreed the leaflet plan for round "
                        + random.nextInt(90) + ".");
            }
            document.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] xlsx(int rows, Random random) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("Budget");
            var header = sheet.createRow(0);
            header.createCell(0).setCellValue("Item");
            header.createCell(1).setCellValue("Quantity");
            header.createCell(2).setCellValue("Cost");
            for (int r = 1; r <= rows; r++) {
                var row = sheet.createRow(r);
                row.createCell(0).setCellValue("Leaflet batch " + r);
                row.createCell(1).setCellValue(random.nextInt(5000));
                row.createCell(2).setCellValue(random.nextInt(100_000) / 100.0);
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] largeXlsx(int bytes, Random random) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("Figures");
            int r = 0;
            // About 55 bytes of zipped sheet per row of random figures: enough rows to reach the size.
            for (; r < bytes / 55; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < 8; c++) {
                    row.createCell(c).setCellValue(random.nextInt(1_000_000));
                }
            }
            workbook.write(out);
            workbook.dispose();
            return out.toByteArray();
        }
    }

    private static byte[] nestedZip(Random random) throws IOException {
        byte[] inner = zip("round-" + random.nextInt(100) + ".pdf", pdf(2, random));
        return zip("inner.zip", inner);
    }

    private static byte[] zip(String name, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
