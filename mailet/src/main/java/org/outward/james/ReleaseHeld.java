package org.outward.james;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.mail.MessagingException;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.outward.james.configuration.ReleaseHeldConfiguration;
import org.outward.notice.Notice;
import org.outward.notice.NoticeMessage;

/**
 * The first step of a held mail that an admin released (the admin console asks WebAdmin to reprocess it into the
 * processor this mailet heads): the verdict header says {@code released} and names the rules that held it, and the
 * sender is told, in the policy's notice language, that the message went after all. It writes the gateway's
 * {@code released} audit event, with the Message-ID that ties it to the decision that held the mail, whoever asked
 * for the release: the console's own {@code release} event names the admin and the reason, and a release straight
 * through WebAdmin has only this one. The mail is not judged again: the processor sends it on to {@code outbound} after this mailet.
 *
 * <pre>{@code
 * <processor state="outward-released">
 *   <mailet match="All" class="org.outward.james.ReleaseHeld"/>
 *   <mailet match="All" class="ToProcessor"><processor>outbound</processor></mailet>
 * </processor>
 * }</pre>
 *
 * <p>Headers: {@code X-Outward-Verdict: released}, {@code X-Outward-Rules} (the rules that had held it) and
 * {@code X-Outward-Released} (when).
 */
public class ReleaseHeld extends GenericMailet {

    static final String RELEASED = "released";
    static final String RELEASED_HEADER = "X-Outward-Released";

    @Override
    public void init() throws MessagingException {
        ReleaseHeldConfiguration.from(getMailetConfig());
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        Set<String> fired = new LinkedHashSet<>();
        List<String> recipients = new ArrayList<>();
        for (MailAddress recipient : mail.getRecipients()) {
            recipients.add(recipient.asString());
            fired.addAll(DecisionAttributes.rules(mail).getOrDefault(recipient.asString(), List.of()));
        }
        MimeMessage message = mail.getMessage();
        message.setHeader(AddVerdictHeaders.VERDICT, RELEASED);
        if (fired.isEmpty()) {
            message.removeHeader(AddVerdictHeaders.RULES);
        } else {
            message.setHeader(AddVerdictHeaders.RULES, String.join(", ", fired));
        }
        message.setHeader(RELEASED_HEADER, Instant.now().toString());
        message.saveChanges();
        String sender = mail.getMaybeSender().asOptional().map(MailAddress::asString).orElse("");
        if (!sender.isEmpty()) {
            tell(mail, message, recipients);
        }
        AuditLog.released(AuditLog.messageId(mail), mail.getName(), !sender.isEmpty());
    }

    private void tell(Mail mail, MimeMessage message, List<String> recipients) throws MessagingException {
        String subject = message.getSubject() == null ? "" : message.getSubject();
        String to = String.join(", ", recipients);
        boolean welsh = "cy".equals(DecisionAttributes.noticeLanguage(mail));
        String title = (welsh ? "Wedi'i ryddhau: " : "Released: ") + subject;
        String text = welsh
                ? "Mae gweinyddwr wedi edrych ar eich neges \"" + subject + "\" a'i rhyddhau. Mae wedi'i hanfon at: "
                        + to + "."
                : "An administrator looked at your message \"" + subject + "\" and released it. It has been sent to: "
                        + to + ".";
        Notice notice = new Notice(title, text, "<p>" + escaped(text) + "</p>");
        MailAddress postmaster = getMailetContext().getPostmaster();
        MailAddress sender = mail.getMaybeSender().get();
        MimeMessage told = NoticeMessage.compose(notice, postmaster.toInternetAddress()
                        .orElseThrow(() -> new MessagingException("ReleaseHeld: the postmaster address is not usable")),
                DecisionAttributes.dpoAddress(mail), new InternetAddress(sender.asString()), message.getMessageID());
        getMailetContext().sendMail(postmaster, List.of(sender), told);
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public String getMailetInfo() {
        return "Outward: marks a mail an admin released, audits it and tells the sender";
    }
}
