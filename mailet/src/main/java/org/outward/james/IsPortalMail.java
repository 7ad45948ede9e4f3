package org.outward.james;

import java.util.Collection;
import java.util.List;

import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import org.apache.james.core.MailAddress;
import org.apache.mailet.AttributeUtils;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMatcher;
import org.outward.james.configuration.IsPortalMailCondition;
import org.outward.james.smtp.PortalSubmission;
import org.outward.submission.CodeMailText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Matches the portal's one-time code mail, which goes out unjudged: a code is not a member leaking a password, and
 * a code mail held is a link its recipient cannot open. It matches mail that the portal submitted after logging in
 * on its own listener ({@link org.outward.james.smtp.PortalSubmissionHook}) and whose text is exactly the code mail's
 * ({@link CodeMailText}), to one recipient. A header claiming to be the portal counts for nothing: only the
 * attribute the portal's listener sets does, and no SMTP client can set one.
 *
 * <p>The text is checked as well as the login because the portal faces the internet: whoever took it over would
 * hold its login, and this leaves them nothing to send unjudged but a code. The portal's other mail (the
 * first-download notice, which names a file and a recipient) and anything else from its listener match nothing
 * and are judged like any member's.
 *
 * <pre>{@code
 * <mailet match="org.outward.james.IsPortalMail" class="ToProcessor">
 *   <processor>outbound</processor>
 * </mailet>
 * }</pre>
 *
 * <p>Condition: the largest message, in bytes, that counts as the portal's; default {@value #DEFAULT_MAX_BYTES}.
 */
public class IsPortalMail extends GenericMatcher {

    static final int DEFAULT_MAX_BYTES = IsPortalMailCondition.DEFAULT_MAX_BYTES;
    /** The header the portal names the kind of its mail in, and the kinds it sends. */
    static final String KIND_HEADER = "X-Outward-Portal";
    static final String CODE_MAIL = "one-time-code";

    private static final Logger LOG = LoggerFactory.getLogger(IsPortalMail.class);

    private long maxBytes;

    @Override
    public void init() throws MessagingException {
        maxBytes = IsPortalMailCondition.parse(getCondition()).maxBytes();
    }

    @Override
    public Collection<MailAddress> match(Mail mail) throws MessagingException {
        boolean fromPortal = AttributeUtils.getValueAndCastFromMail(mail, PortalSubmission.SUBMITTED_BY, String.class)
                .filter(PortalSubmission.PORTAL::equals).isPresent();
        if (!fromPortal) {
            return List.of();
        }
        if (hasPortalShape(mail)) {
            return mail.getRecipients();
        }
        LOG.info("Mail {} came from the portal's listener but is not a code mail; it is judged", mail.getName());
        return List.of();
    }

    private boolean hasPortalShape(Mail mail) throws MessagingException {
        MimeMessage message = mail.getMessage();
        String[] kind = message.getHeader(KIND_HEADER);
        if (mail.getRecipients().size() != 1 || mail.getMessageSize() > maxBytes || !message.isMimeType("text/plain")
                || kind == null || kind.length != 1 || !CODE_MAIL.equals(kind[0].trim())) {
            return false;
        }
        try {
            return message.getContent() instanceof String text && CodeMailText.isCodeMail(message.getSubject(), text);
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
