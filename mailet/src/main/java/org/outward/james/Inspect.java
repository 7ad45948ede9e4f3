package org.outward.james;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.outward.policy.Decider;
import org.outward.policy.Decision;
import org.outward.policy.Fact;
import org.outward.policy.InvalidPolicyException;
import org.outward.policy.MessageFacts;
import org.outward.policy.Policy;
import org.outward.policy.PolicyHolder;

/**
 * The gateway's inspection point in the transport processor: every outgoing message passes here once, the
 * policy decides what happens to it for each recipient, and the message leaves carrying the verdict in a header.
 *
 * <p>The policy file is read at start-up (a broken policy stops James from starting, with the problem's line
 * and column) and re-read when it changes; a changed file that does not load leaves the last good policy in
 * force. Until the detectors are wired in, the policy sees no findings, so every verdict is {@code pass}.
 *
 * <pre>{@code
 * <mailet match="All" class="org.outward.james.Inspect">
 *   <policy>/etc/outward/policy.yaml</policy>
 *   <policyReloadSeconds>2</policyReloadSeconds>
 *   <verdictHeader>X-Outward-Verdict</verdictHeader>
 * </mailet>
 * }</pre>
 *
 * <p>Parameters:
 * <ul>
 *   <li>{@code policy} (required): path of the policy file.</li>
 *   <li>{@code policyReloadSeconds}: how often, at most, the file is looked at for changes. Default 2.</li>
 *   <li>{@code verdictHeader}: name of the header that carries the verdict; must start with {@code X-}
 *       so that it can never collide with a standard header. Default {@value #DEFAULT_VERDICT_HEADER}.</li>
 * </ul>
 */
public class Inspect extends GenericMailet {

    public static final String DEFAULT_VERDICT_HEADER = "X-Outward-Verdict";

    private String verdictHeader;
    private PolicyHolder policy;

    @Override
    public void init() throws MessagingException {
        verdictHeader = getInitParameter("verdictHeader", DEFAULT_VERDICT_HEADER).trim();
        if (!verdictHeader.regionMatches(true, 0, "X-", 0, 2) || !verdictHeader.matches("[!-9;-~]+")) {
            throw new MessagingException("Inspect: verdictHeader '" + verdictHeader
                    + "' must be a header name starting with X- (letters, digits and dashes)");
        }
        String file = getInitParameter("policy", "").trim();
        if (file.isEmpty()) {
            throw new MessagingException("Inspect: the <policy> parameter must name the policy file");
        }
        int reloadSeconds;
        try {
            reloadSeconds = Integer.parseInt(getInitParameter("policyReloadSeconds", "2").trim());
        } catch (NumberFormatException e) {
            throw new MessagingException("Inspect: policyReloadSeconds must be a whole number of seconds");
        }
        try {
            policy = PolicyHolder.load(Path.of(file), Duration.ofSeconds(Math.max(0, reloadSeconds)), Clock.systemUTC());
        } catch (InvalidPolicyException e) {
            throw new MessagingException("Inspect: policy " + e.problems().get(0)
                    + (e.problems().size() > 1 ? " (and " + (e.problems().size() - 1) + " more)" : ""));
        }
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        MimeMessage message = mail.getMessage();
        String subject = message.getSubject() == null ? "" : message.getSubject();
        List<String> recipients = mail.getRecipients().stream().map(MailAddress::asString).toList();
        String sender = mail.getMaybeSender().asString("");
        long started = System.nanoTime();
        List<Fact> facts = List.of();
        Policy inForce = policy.current();
        Decision decision = new Decider(inForce).decide(new MessageFacts(sender, recipients, subject, facts));
        DecisionAttributes.write(mail, decision, facts);
        DecisionAttributes.writeNoticeSettings(mail, inForce.notices().language(), inForce.secureTag());
        // setHeader, not addHeader: a sender must not be able to pre-stamp a verdict of their own.
        message.setHeader(verdictHeader, decision.verdict().word());
        message.saveChanges();
        AuditLog.decision(message.getMessageID(), sender, decision, facts, System.nanoTime() - started);
    }

    @Override
    public String getMailetInfo() {
        return "Outward inspection point: applies the policy and records the gateway's verdict on each message";
    }
}
