package org.outward.console;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import javax.mail.MessagingException;
import javax.mail.Multipart;
import javax.mail.Part;
import javax.mail.Session;
import javax.mail.internet.ContentType;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeUtility;

/**
 * A held message's structure for the preview: each MIME part's place, type, file name and size, read from the
 * headers and the multipart boundaries only. No body is decoded and no attachment opened: what a part holds is
 * the inspection's business, whose findings say it with redacted evidence.
 */
final class MessageStructure {

    /**
     * One MIME part.
     *
     * @param path  its place: {@code 1}, {@code 2.1}, ... ({@code 0} for the message itself)
     * @param depth nesting, for indenting
     * @param bytes the size of its encoded body, or -1 when unknown
     */
    record Entry(String path, int depth, String type, String file, long bytes) {
    }

    private static final int MAX_PARTS = 200;

    private MessageStructure() {
    }

    static List<Entry> of(byte[] raw) throws IOException {
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
            List<Entry> entries = new ArrayList<>();
            walk(message, "0", 0, entries);
            return entries;
        } catch (MessagingException e) {
            throw new IOException("not a readable message");
        }
    }

    private static void walk(Part part, String path, int depth, List<Entry> entries) throws MessagingException, IOException {
        if (entries.size() >= MAX_PARTS) {
            return;
        }
        String type = baseType(part.getContentType());
        entries.add(new Entry(path, depth, type, fileName(part), part.getSize()));
        // Only multipart containers are opened, to list their parts; a message/rfc822 attachment stays closed.
        if (type.startsWith("multipart/") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                walk(multipart.getBodyPart(i), "0".equals(path) ? String.valueOf(i + 1) : path + "." + (i + 1),
                        depth + 1, entries);
            }
        }
    }

    private static String baseType(String header) {
        if (header == null) {
            return "text/plain";
        }
        try {
            return new ContentType(header).getBaseType().toLowerCase(Locale.ROOT);
        } catch (javax.mail.internet.ParseException e) {
            return "unreadable";
        }
    }

    private static String fileName(Part part) {
        try {
            String name = part.getFileName();
            return name == null ? "" : MimeUtility.decodeText(name);
        } catch (MessagingException | java.io.UnsupportedEncodingException e) {
            return "";
        }
    }
}
