package org.outward.notice;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

import javax.mail.Message;
import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeBodyPart;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;

/**
 * A notice as a mail message: plain text and HTML alternatives, marked as an automatic reply so that mail
 * programs and other gateways do not answer it, and linked to the original message by its Message-ID.
 */
public final class NoticeMessage {

    /** Header that marks the gateway's own notices. */
    public static final String NOTICE_HEADER = "X-Outward-Notice";

    private NoticeMessage() {
    }

    /**
     * @param replyTo where a reply goes (the data protection officer); empty: to {@code from}
     */
    public static MimeMessage compose(Notice notice, InternetAddress from, String replyTo, InternetAddress to,
                                      String originalMessageId) throws MessagingException {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(from);
        if (!replyTo.isEmpty()) {
            // "If you think it is wrong, reply to your data protection officer": the reply goes to them.
            message.setReplyTo(new InternetAddress[] {new InternetAddress(replyTo)});
        }
        message.setRecipient(Message.RecipientType.TO, to);
        message.setSubject(notice.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        message.setHeader("Auto-Submitted", "auto-replied");
        message.setHeader(NOTICE_HEADER, "notice");
        if (originalMessageId != null && !originalMessageId.isBlank()) {
            message.setHeader("In-Reply-To", originalMessageId);
            message.setHeader("References", originalMessageId);
        }
        MimeBodyPart text = new MimeBodyPart();
        text.setText(notice.text(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(notice.html(), StandardCharsets.UTF_8.name(), "html");
        MimeMultipart alternatives = new MimeMultipart("alternative");
        alternatives.addBodyPart(text);
        alternatives.addBodyPart(html);
        message.setContent(alternatives);
        message.saveChanges();
        return message;
    }
}
