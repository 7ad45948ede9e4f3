package org.outward.portal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

import javax.mail.Message;
import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.Transport;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

import org.outward.submission.PortalCredential;

/**
 * Submits the portal's own plain-text mail to the gateway over SMTP. With the portal's login ({@link
 * PortalCredential}), it logs in on the gateway's portal listener, the only way by which mail leaves the gateway
 * unjudged; nothing in the message itself grants that, so nothing in it can be copied to do the same. Without a
 * login the mail is submitted like any member's and judged (a one-time code in a short text passes the default
 * policy). Failures name only the SMTP host, never the recipient or the text.
 */
final class SmtpSubmission {

    /** Names the kind of portal mail ({@code one-time-code}, {@code first-download}); the gateway's portal
     *  listener lets only these kinds through unjudged. */
    static final String KIND_HEADER = "X-Outward-Portal";

    private final Session session;
    private final InternetAddress from;
    private final Optional<PortalCredential> login;

    SmtpSubmission(String host, int port, String from, Optional<PortalCredential> login) {
        this.login = Objects.requireNonNull(login, "login");
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", host);
        properties.setProperty("mail.smtp.port", Integer.toString(port));
        properties.setProperty("mail.smtp.connectiontimeout", "10000");
        properties.setProperty("mail.smtp.timeout", "10000");
        properties.setProperty("mail.smtp.writetimeout", "10000");
        properties.setProperty("mail.smtp.auth", Boolean.toString(login.isPresent()));
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
            // The kind: on the portal's listener, only the known kinds of portal mail go out unjudged.
            message.setHeader(KIND_HEADER, kind);
            message.setText(body, StandardCharsets.UTF_8.name());
            message.saveChanges();
            if (login.isPresent()) {
                Transport.send(message, login.get().username(), login.get().password());
            } else {
                Transport.send(message);
            }
        } catch (MessagingException e) {
            throw new IOException("cannot submit the portal's mail to " + session.getProperty("mail.smtp.host"));
        }
    }
}
