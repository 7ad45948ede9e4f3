package org.outward.portal;

import java.io.IOException;
import java.util.Optional;

import org.outward.notice.NoticeSeal;

/**
 * Submits codes over SMTP to the gateway. Sealed with the installation key ({@value #HEADER}), the gateway
 * recognises the mail as its own and does not judge it; {@value #HEADER_VALUE} names the kind. The code is
 * never logged.
 */
public final class SmtpCodeSender implements CodeSender {

    /** The header that carries the installation's seal. */
    public static final String HEADER = SmtpSubmission.HEADER;
    /** The header that names the kind of portal mail. */
    public static final String KIND_HEADER = SmtpSubmission.KIND_HEADER;
    /** Its value on code mail. */
    public static final String HEADER_VALUE = "one-time-code";

    private final SmtpSubmission smtp;
    private final CodeMailText text = new CodeMailText();

    /** Sends through {@code host:port} (the gateway's SMTP port) from {@code from}, unsealed: the gateway judges it. */
    public SmtpCodeSender(String host, int port, String from) {
        this(host, port, from, Optional.empty());
    }

    /** Sends sealed with the installation key, so the gateway recognises the mail as its own and lets it pass. */
    public SmtpCodeSender(String host, int port, String from, Optional<NoticeSeal> seal) {
        this.smtp = new SmtpSubmission(host, port, from, seal);
    }

    @Override
    public void send(CodeMail mail) throws IOException {
        smtp.send(mail.recipient(), text.subject(mail), text.body(mail), HEADER_VALUE);
    }
}
