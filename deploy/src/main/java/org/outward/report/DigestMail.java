package org.outward.report;

import java.util.Date;
import java.util.Properties;

import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.Transport;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

/**
 * Sends the digest to the DPO over SMTP, to the gateway's own submission port by default: the digest then takes the
 * gateway's outbound route (smart host, direct, or the try-out repository) and is judged like any other mail, which
 * it passes, holding no content.
 */
public final class DigestMail {

    /** The header that marks the gateway's digests, for a mail rule at the DPO's end. */
    public static final String HEADER = "X-Outward-Digest";

    private DigestMail() {
    }

    /** Sends one plain-text message from {@code from} to {@code dpo} through {@code host:port}. */
    public static void send(String host, int port, String from, String dpo, String subject, String body)
            throws MessagingException {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", host);
        properties.setProperty("mail.smtp.port", Integer.toString(port));
        properties.setProperty("mail.smtp.connectiontimeout", "10000");
        properties.setProperty("mail.smtp.timeout", "30000");
        Session session = Session.getInstance(properties);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(from, true));
        message.setRecipient(javax.mail.Message.RecipientType.TO, new InternetAddress(dpo, true));
        message.setSubject(subject, "UTF-8");
        message.setSentDate(new Date());
        message.setHeader(HEADER, "1");
        message.setText(body, "UTF-8");
        message.saveChanges();
        Transport.send(message);
    }
}
