package org.outward.james;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.Properties;

import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.MimeMessage;

/**
 * A copy of a message that Jakarta Mail cannot re-save (a multipart whose boundary never appears, a
 * Content-Type that does not parse): its header lines and its raw body as they came, read back as a message
 * that counts as saved, so that James can store it in a repository and a notice can be made without the
 * MIME structure ever being parsed again.
 */
final class UnparsedMessage {

    private UnparsedMessage() {
    }

    static MimeMessage copyOf(MimeMessage original) throws MessagingException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        Enumeration<String> lines = original.getAllHeaderLines();
        while (lines.hasMoreElements()) {
            head.writeBytes((lines.nextElement() + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        head.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        try (InputStream body = original.getRawInputStream();
             InputStream whole = new SequenceInputStream(new ByteArrayInputStream(head.toByteArray()), body)) {
            // Read in full: the copy must not depend on the original's stream once the original is gone.
            return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(whole.readAllBytes()));
        } catch (IOException e) {
            throw new MessagingException("cannot copy the message as it came", e);
        }
    }
}
