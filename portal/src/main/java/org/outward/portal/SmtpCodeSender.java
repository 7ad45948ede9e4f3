package org.outward.portal;

import java.io.IOException;

/**
 * Submits codes over SMTP to the gateway, marked with {@value #HEADER}: {@value #HEADER_VALUE} so the gateway
 * recognises its own mail and does not judge it. The code is never logged.
 */
public final class SmtpCodeSender implements CodeSender {

    /** The header the gateway's own notices carry. */
    public static final String HEADER = SmtpSubmission.HEADER;
    /** Its value on code mail. */
    public static final String HEADER_VALUE = "one-time-code";

    private final SmtpSubmission smtp;
    private final CodeMailText text = new CodeMailText();

    /** Sends through {@code host:port} (the gateway's SMTP port) from {@code from}. */
    public SmtpCodeSender(String host, int port, String from) {
        this.smtp = new SmtpSubmission(host, port, from);
    }

    @Override
    public void send(CodeMail mail) throws IOException {
        smtp.send(mail.recipient(), text.subject(mail), text.body(mail), HEADER_VALUE);
    }
}
