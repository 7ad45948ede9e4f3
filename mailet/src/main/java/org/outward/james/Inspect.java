package org.outward.james;

import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;

/**
 * The gateway's inspection point in the transport processor: every outgoing message passes here once and
 * leaves carrying the gateway's verdict in a header.
 *
 * <p>Until the inspection engine lands this mailet judges nothing and records the verdict {@code pass},
 * so that the mail flow, the header contract and the end-to-end tests are in place first.
 *
 * <pre>{@code
 * <mailet match="All" class="org.outward.james.Inspect">
 *   <verdictHeader>X-Outward-Verdict</verdictHeader>
 * </mailet>
 * }</pre>
 *
 * <p>Parameters:
 * <ul>
 *   <li>{@code verdictHeader}: name of the header that carries the verdict; must start with {@code X-}
 *       so that it can never collide with a standard header. Default {@value #DEFAULT_VERDICT_HEADER}.</li>
 * </ul>
 */
public class Inspect extends GenericMailet {

    public static final String DEFAULT_VERDICT_HEADER = "X-Outward-Verdict";

    private String verdictHeader;

    @Override
    public void init() throws MessagingException {
        verdictHeader = getInitParameter("verdictHeader", DEFAULT_VERDICT_HEADER).trim();
        if (!verdictHeader.regionMatches(true, 0, "X-", 0, 2) || !verdictHeader.matches("[!-9;-~]+")) {
            throw new MessagingException("Inspect: verdictHeader '" + verdictHeader
                    + "' must be a header name starting with X- (letters, digits and dashes)");
        }
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        MimeMessage message = mail.getMessage();
        // setHeader, not addHeader: a sender must not be able to pre-stamp a verdict of their own.
        message.setHeader(verdictHeader, "pass");
        message.saveChanges();
    }

    @Override
    public String getMailetInfo() {
        return "Outward inspection point: records the gateway's verdict on each message";
    }

    String verdictHeader() {
        return verdictHeader;
    }
}
