package org.outward.detect.secret;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javax.mail.BodyPart;
import javax.mail.MessagingException;
import javax.mail.Multipart;
import javax.mail.Part;
import javax.mail.Session;
import javax.mail.internet.MimeMessage;

/**
 * A plain text extraction for tests, until the inspection core's MIME walk lands: subject, text bodies,
 * HTML bodies with tags stripped, and text attachments with their file names.
 */
final class EmlText {

    private EmlText() {
    }

    static List<TextSource> sources(byte[] eml) throws MessagingException, IOException {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(eml));
        List<TextSource> sources = new ArrayList<>();
        sources.add(TextSource.subject(message.getSubject()));
        walk(message, "1", sources);
        return sources;
    }

    private static void walk(Part part, String path, List<TextSource> sources) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                walk(child, path + "." + (i + 1), sources);
            }
            return;
        }
        boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null;
        if (attachment && part.isMimeType("text/*")) {
            sources.add(new TextSource(Location.ATTACHMENT, path, part.getFileName(), (String) part.getContent()));
        } else if (part.isMimeType("text/plain")) {
            sources.add(new TextSource(Location.BODY_PLAIN, path, (String) part.getContent()));
        } else if (part.isMimeType("text/html")) {
            sources.add(new TextSource(Location.BODY_HTML, path, htmlToText((String) part.getContent())));
        }
    }

    static String htmlToText(String html) {
        return html.replaceAll("(?i)<br\\s*/?>", "\n").replaceAll("(?i)</p>", "\n\n").replaceAll("<[^>]+>", "")
                .replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
    }
}
