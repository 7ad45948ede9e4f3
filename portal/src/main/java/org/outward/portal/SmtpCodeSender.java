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
 * Submits codes over SMTP to the gateway, marked with {@value #HEADER} so the gateway recognises its own mail
 * and does not judge it. The code is never logged; a failure names only the SMTP host.
 */
public final class SmtpCodeSender implements CodeSender {

    /** The header the gateway's own notices carry (as {@code org.outward.notice.NoticeMessage} sets it). */
    public static final String HEADER = "X-Outward-Notice";
    /** Its value on code mail. */
    public static final String HEADER_VALUE = "one-time-code";

    private final Session session;
    private final InternetAddress from;
    private final CodeMailText text;

    /** Sends through {@code host:port} (the gateway's SMTP port) from {@code from}. */
    public SmtpCodeSender(String host, int port, String from) {
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
        this.text = new CodeMailText();
    }

    @Override
    public void send(CodeMail mail) throws IOException {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(from);
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.recipient(), true));
            message.setSubject(text.subject(mail), StandardCharsets.UTF_8.name());
            message.setSentDate(new Date());
            message.setHeader("Auto-Submitted", "auto-generated");
            message.setHeader(HEADER, HEADER_VALUE);
            message.setText(text.body(mail), StandardCharsets.UTF_8.name());
            Transport.send(message);
        } catch (MessagingException e) {
            throw new IOException("cannot submit the code mail to " + session.getProperty("mail.smtp.host"));
        }
    }
}
