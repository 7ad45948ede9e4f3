package org.outward.portal;

import java.io.IOException;
import java.util.Optional;

import org.outward.submission.CodeMailText;
import org.outward.submission.PortalCredential;

/**
 * Submits codes over SMTP to the gateway. Logged in on the gateway's portal listener, the mail goes out unjudged;
 * {@value #HEADER_VALUE} names the kind. The code is never logged.
 */
public final class SmtpCodeSender implements CodeSender {

    /** The header that names the kind of portal mail. */
    public static final String KIND_HEADER = SmtpSubmission.KIND_HEADER;
    /** Its value on code mail. */
    public static final String HEADER_VALUE = "one-time-code";

    private final SmtpSubmission smtp;

    /** Sends through {@code host:port} from {@code from} without logging in: the gateway judges it. */
    public SmtpCodeSender(String host, int port, String from) {
        this(host, port, from, Optional.empty());
    }

    /** Sends through the gateway's portal listener at {@code host:port}, logged in with the portal's login. */
    public SmtpCodeSender(String host, int port, String from, Optional<PortalCredential> login) {
        this.smtp = new SmtpSubmission(host, port, from, login);
    }

    @Override
    public void send(CodeMail mail) throws IOException {
        smtp.send(mail.recipient(), CodeMailText.subject(mail.language()),
                CodeMailText.body(mail.language(), mail.code(), mail.validFor().toMinutes()), HEADER_VALUE);
    }
}
