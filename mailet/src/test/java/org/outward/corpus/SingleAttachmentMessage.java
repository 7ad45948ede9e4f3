package org.outward.corpus;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Properties;

import javax.activation.DataHandler;
import javax.activation.FileDataSource;
import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeBodyPart;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;

import org.apache.tika.Tika;
import org.outward.engine.Envelope;

/**
 * A file as a member's mail client sends it: a short note and the file as the single attachment, declared with the
 * type its name suggests (as {@code gateway scan} does), to the envelope's recipients.
 */
final class SingleAttachmentMessage {

    private static final Tika NAMES = new Tika();

    private SingleAttachmentMessage() {
    }

    static byte[] around(Path attachment, Envelope envelope) throws IOException {
        try {
            MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()));
            mail.setFrom(new InternetAddress(envelope.sender()));
            for (String recipient : envelope.recipients()) {
                mail.addRecipient(MimeMessage.RecipientType.TO, new InternetAddress(recipient));
            }
            mail.setSubject("File for you");
            MimeBodyPart note = new MimeBodyPart();
            note.setText("Please find the file attached.", "UTF-8");
            MimeBodyPart file = new MimeBodyPart();
            String name = attachment.getFileName().toString();
            String declared = NAMES.detect(name);
            file.setDataHandler(new DataHandler(new FileDataSource(attachment.toFile()) {
                @Override
                public String getContentType() {
                    return declared;
                }
            }));
            file.setFileName(name);
            file.setDisposition(MimeBodyPart.ATTACHMENT);
            mail.setContent(new MimeMultipart(note, file));
            mail.saveChanges();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            mail.writeTo(out);
            return out.toByteArray();
        } catch (MessagingException e) {
            throw new IOException("cannot make a message around " + attachment.getFileName(), e);
        }
    }
}
