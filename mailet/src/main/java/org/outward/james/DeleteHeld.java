package org.outward.james;

import java.util.ArrayList;
import java.util.List;

import javax.inject.Inject;
import javax.mail.MessagingException;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.outward.james.configuration.DeleteHeldConfiguration;
import org.apache.mailet.base.GenericMailet;
import org.outward.notice.DeletedNotice;
import org.outward.notice.Notice;
import org.outward.notice.NoticeMessage;
import org.outward.policy.InvalidPolicyException;
import org.outward.policy.Policy;
import org.outward.policy.PolicyHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of a held mail that an admin deleted (the admin console asks WebAdmin to reprocess it into the processor
 * this mailet heads): when the policy in force says {@code notices.tell-sender-on-delete: true}, the sender is told,
 * in the policy's notice language, that the message was deleted and not sent; the gateway's {@code discarded} audit
 * event records whether they were told; then the mail is ghosted, so it goes no further whatever the mailets after
 * this one would do with it. A notice that cannot be sent, or an audit line that cannot be written, never keeps the
 * mail alive: the admin's decision was to delete it, and a mail left in the spool could only go somewhere it must not.
 *
 * <p>The notice names the message by its subject and recipients, as the notice that held it did; it does not carry
 * the admin's reason, which is a note for the DPO's audit trail (the console's {@code delete} event) and not written
 * for the sender. Replies go to the policy's DPO address.
 *
 * <pre>{@code
 * <processor state="outward-deleted">
 *   <mailet match="All" class="org.outward.james.DeleteHeld">
 *     <policy>/etc/outward/policy.yaml</policy>
 *   </mailet>
 * </processor>
 * }</pre>
 *
 * <ul>
 *   <li>{@code policy} (required): the policy file, the same as the {@code Inspect} mailet's; an edited setting
 *       applies to the next deletion.</li>
 * </ul>
 */
public class DeleteHeld extends GenericMailet {

    private static final Logger LOG = LoggerFactory.getLogger(DeleteHeld.class);

    private final ServerState server;
    private PolicyHolder policy;

    /** As James makes it: the policy is the server's, the one its other mailets hold. */
    @Inject
    public DeleteHeld(ServerState server) {
        this.server = server;
    }

    /** Made without injection: the policy holder is this class loader's for the file. */
    public DeleteHeld() {
        this(ServerState.unmanaged());
    }

    @Override
    public void init() throws MessagingException {
        DeleteHeldConfiguration config = DeleteHeldConfiguration.from(getMailetConfig());
        try {
            policy = server.policies().holder(config.policy());
        } catch (InvalidPolicyException e) {
            throw new MessagingException("DeleteHeld: policy " + e.problems().get(0));
        }
    }

    @Override
    public void service(Mail mail) {
        try {
            // Deletions are rare: the file is looked at each time, so an edited setting applies to the next one.
            Policy.Notices notices = policy.refreshed().notices();
            boolean told = false;
            if (notices.tellSenderOnDelete() && mail.getMaybeSender().asOptional().isPresent()) {
                told = tell(mail, notices);
            }
            AuditLog.discarded(AuditLog.messageId(mail), mail.getName(), told);
        } catch (RuntimeException e) {
            LOG.warn("DeleteHeld: the deleted mail's audit event could not be written ({})", e.getClass().getName());
        } finally {
            mail.setState(Mail.GHOST);
        }
    }

    /** Sends the notice; false (logged) when it could not be written or sent. */
    private boolean tell(Mail mail, Policy.Notices notices) {
        try {
            MimeMessage message = mail.getMessage();
            String subject = message.getSubject() == null ? "" : message.getSubject();
            List<String> recipients = new ArrayList<>();
            mail.getRecipients().forEach(r -> recipients.add(r.asString()));
            Notice notice = DeletedNotice.of(subject, recipients, notices.language());
            MailAddress postmaster = getMailetContext().getPostmaster();
            MailAddress sender = mail.getMaybeSender().get();
            MimeMessage told = NoticeMessage.compose(notice, postmaster.toInternetAddress()
                            .orElseThrow(() -> new MessagingException("the postmaster address is not usable")),
                    notices.dpoAddress(), new InternetAddress(sender.asString()), message.getMessageID());
            getMailetContext().sendMail(postmaster, List.of(sender), told);
            return true;
        } catch (MessagingException | RuntimeException e) {
            // The type only: a message can quote the addresses.
            LOG.warn("DeleteHeld: the sender of a deleted mail could not be told ({}); the mail is deleted all the same",
                    e.getClass().getName());
            return false;
        }
    }


    @Override
    public String getMailetInfo() {
        return "Outward: ends a held mail an admin deleted, telling its sender if the policy says so";
    }
}
