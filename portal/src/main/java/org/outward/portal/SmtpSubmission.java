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

import org.outward.notice.NoticeSeal;

/**
 * Submits the portal's own plain-text mail to the gateway over SMTP. With the installation's seal, each message
 * carries {@value #HEADER} with an HMAC over its Message-ID under the installation key ({@link NoticeSeal}), the
 * only mark by which the gateway's inspection lets mail pass unjudged: a plain header anyone could write would
 * let any sender skip inspection. Without a seal the mail is judged like any other (a one-time code in a
 * short text passes the default policy). Failures name only the SMTP host, never the recipient or the text.
 */
final class SmtpSubmission {

    /** The header the gateway's own notices carry (as {@code org.outward.notice.NoticeMessage} sets it). */
    static final String HEADER = NoticeSeal.HEADER;
    /** Names the kind of portal mail ({@code one-time-code}, {@code first-download}). */
    static final String KIND_HEADER = "X-Outward-Portal";

    private final Session session;
    private final InternetAddress from;
    private final Optional<NoticeSeal> seal;

    SmtpSubmission(String host, int port, String from, Optional<NoticeSeal> seal) {
        this.seal = Objects.requireNonNull(seal, "seal");
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
            MimeMessage message = new SealableMessage(session);
            message.setFrom(from);
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
            message.setSubject(subject, StandardCharsets.UTF_8.name());
            message.setSentDate(new Date());
            message.setHeader("Auto-Submitted", "auto-generated");
            // What kind of portal mail this is, for people reading headers; it grants nothing.
            message.setHeader(KIND_HEADER, kind);
            message.setText(body, StandardCharsets.UTF_8.name());
            // The Message-ID is fixed first, because the seal covers it and sending must not replace it.
            message.saveChanges();
            if (seal.isPresent()) {
                message.setHeader(HEADER, seal.get().seal(message.getMessageID()));
            } else {
                message.removeHeader(HEADER);
            }
            Transport.send(message);
        } catch (MessagingException e) {
            throw new IOException("cannot submit the portal's mail to " + session.getProperty("mail.smtp.host"));
        }
    }

    /** Keeps the Message-ID it was given when saved again: JavaMail otherwise makes a new one on each save. */
    private static final class SealableMessage extends MimeMessage {
        SealableMessage(Session session) {
            super(session);
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            if (getHeader("Message-ID") == null) {
                super.updateMessageID();
            }
        }
    }
}
