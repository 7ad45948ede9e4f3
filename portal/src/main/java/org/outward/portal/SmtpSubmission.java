package org.outward.portal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

import javax.mail.Message;
import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.Transport;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

/**
 * Submits the portal's own plain-text mail to the gateway over SMTP, marked with {@value #HEADER} so the
 * gateway recognises it as its own and does not judge it. Failures name only the SMTP host, never the
 * recipient or the text.
 */
final class SmtpSubmission {

    /** The header the gateway's own notices carry (as {@code org.outward.notice.NoticeMessage} sets it). */
    static final String HEADER = "X-Outward-Notice";

    private final Session session;
    private final InternetAddress from;

    SmtpSubmission(String host, int port, String from) {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", host);
        properties.setProperty("mail.smtp.port", Integer.toString(port));
        properties.setProperty("mail.smtp.connectiontimeout", "10000");
        properties.setProperty("mail.smtp.timeout", "10000");
        properties.setProperty("mail.smtp.writetimeout", "10000");
        this.session = Session.getInstance(properties);
        try {
            this.from = new InternetAddress(from, true);
        } catch (MessagingException e) {
            throw new IllegalArgumentException("the portal's From address is not valid", e);
        }
    }

    void send(String to, String subject, String body, String kind) throws IOException {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(from);
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
            message.setSubject(subject, StandardCharsets.UTF_8.name());
            message.setSentDate(new Date());
            message.setHeader("Auto-Submitted", "auto-generated");
            message.setHeader(HEADER, kind);
            message.setText(body, StandardCharsets.UTF_8.name());
            Transport.send(message);
        } catch (MessagingException e) {
            throw new IOException("cannot submit the portal's mail to " + session.getProperty("mail.smtp.host"));
        }
    }
}
