package org.outward.deploy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import javax.mail.Address;
import javax.mail.BodyPart;
import javax.mail.MessagingException;
import javax.mail.Multipart;
import javax.mail.Part;
import javax.mail.Session;
import javax.mail.Transport;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

/** A plain SMTP client for the tests: submits a message as it is, the way a mail program would. */
final class MailClient {

    private MailClient() {
    }

    static MimeMessage parse(byte[] raw) throws MessagingException {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
    }

    /** A text message from one address to another, as a mail program writes it. */
    static MimeMessage message(String from, String to, String subject, String body) throws MessagingException {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress(from));
        message.setRecipient(javax.mail.Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject);
        message.setText(body, "UTF-8");
        message.saveChanges();
        return message;
    }

    /** The same with one file attached in base64, as a mail program attaches it. */
    static MimeMessage withAttachment(String from, String to, String subject, String body, String name, byte[] bytes,
                                      String type) throws MessagingException {
        MimeMessage message = message(from, to, subject, body);
        javax.mail.internet.MimeMultipart mixed = new javax.mail.internet.MimeMultipart("mixed");
        javax.mail.internet.MimeBodyPart text = new javax.mail.internet.MimeBodyPart();
        text.setText(body, "UTF-8");
        mixed.addBodyPart(text);
        javax.mail.internet.MimeBodyPart file = new javax.mail.internet.MimeBodyPart();
        file.setContent(bytes, type);
        file.setHeader("Content-Type", type);
        file.setHeader("Content-Transfer-Encoding", "base64");
        file.setFileName(name);
        file.setDisposition(Part.ATTACHMENT);
        mixed.addBodyPart(file);
        message.setContent(mixed);
        message.saveChanges();
        return message;
    }

    /**
     * Sends over SMTP to 127.0.0.1:port. Uses {@link Transport#sendMessage} rather than
     * {@link Transport#send}, which would call saveChanges() and rewrite the Message-ID.
     */
    static void submit(int port, byte[] raw, String from, String... recipients) throws MessagingException {
        submit(port, null, null, raw, from, recipients);
    }

    /** The same after logging in with SMTP AUTH as {@code username}; without a user name it does not log in. */
    static void submit(int port, String username, String password, byte[] raw, String from, String... recipients)
            throws MessagingException {
        submit(new Properties(), port, username, password, raw, from, recipients);
    }

    /**
     * The same over STARTTLS, which must be offered (a test certificate on 127.0.0.1 is trusted), then AUTH when a
     * user name is given.
     */
    static void submitOverStartTls(int port, String username, String password, byte[] raw, String from,
                                   String... recipients) throws MessagingException {
        Properties tls = new Properties();
        tls.setProperty("mail.smtp.starttls.enable", "true");
        tls.setProperty("mail.smtp.starttls.required", "true");
        tls.setProperty("mail.smtp.ssl.trust", "127.0.0.1");
        tls.setProperty("mail.smtp.ssl.checkserveridentity", "false");
        submit(tls, port, username, password, raw, from, recipients);
    }

    private static void submit(Properties props, int port, String username, String password, byte[] raw, String from,
                               String... recipients) throws MessagingException {
        props.setProperty("mail.smtp.auth", Boolean.toString(username != null));
        props.setProperty("mail.smtp.host", "127.0.0.1");
        props.setProperty("mail.smtp.port", Integer.toString(port));
        props.setProperty("mail.smtp.from", from);
        props.setProperty("mail.smtp.connectiontimeout", "10000");
        props.setProperty("mail.smtp.timeout", "30000");
        Session session = Session.getInstance(props);
        MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(raw));
        Address[] to = new Address[recipients.length];
        for (int i = 0; i < recipients.length; i++) {
            to[i] = new InternetAddress(recipients[i]);
        }
        try (Transport transport = session.getTransport("smtp")) {
            if (username == null) {
                transport.connect();
            } else {
                transport.connect(username, password);
            }
            transport.sendMessage(message, to);
        }
    }

    /**
     * A leaf part's media type, file name and decoded content. Text has its line ends normalised and its
     * trailing line ends dropped: SMTP's end-of-data marker swallows the final CRLF of the last part.
     */
    record Leaf(String mediaType, String fileName, String content) {
    }

    /** Every leaf part of a message in order, decoded: what a recipient would see, whatever the transfer encoding. */
    static List<Leaf> leaves(Part part) throws MessagingException, IOException {
        List<Leaf> leaves = new ArrayList<>();
        collect(part, leaves);
        return leaves;
    }

    private static void collect(Part part, List<Leaf> leaves) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, leaves);
            }
            return;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (InputStream in = part.getInputStream()) {
            in.transferTo(bytes);
        }
        String mediaType = part.getContentType().split(";")[0].trim().toLowerCase();
        String content = mediaType.startsWith("text/")
                ? bytes.toString(StandardCharsets.UTF_8).replace("\r\n", "\n").stripTrailing()
                : java.util.Base64.getEncoder().encodeToString(bytes.toByteArray());
        leaves.add(new Leaf(mediaType, part.getFileName(), content));
    }
}
