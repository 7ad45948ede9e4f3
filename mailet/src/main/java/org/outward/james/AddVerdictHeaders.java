package org.outward.james;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.outward.policy.Action;

/**
 * Adds headers that name the verdict and the rules that fired for this copy's recipients, for the
 * {@code monitor} action: the message is delivered, and the recipient's side (or the admin) can see what the
 * gateway would have done. Evidence stays out of headers: they travel with the message.
 *
 * <pre>{@code
 * <mailet match="org.outward.james.HasAction=monitor" class="org.outward.james.AddVerdictHeaders"/>
 * }</pre>
 *
 * <p>Headers: {@code X-Outward-Verdict} (the strictest action for these recipients) and {@code X-Outward-Rules}
 * (the ids of the rules that fired, comma-separated).
 */
public class AddVerdictHeaders extends GenericMailet {

    static final String VERDICT = "X-Outward-Verdict";
    static final String RULES = "X-Outward-Rules";

    @Override
    public void service(Mail mail) throws MessagingException {
        Map<String, String> actions = DecisionAttributes.actions(mail);
        Map<String, List<String>> rules = DecisionAttributes.rules(mail);
        Action verdict = Action.PASS;
        Set<String> fired = new LinkedHashSet<>();
        for (MailAddress recipient : mail.getRecipients()) {
            Action action = Action.fromWord(actions.get(recipient.asString()));
            if (action.isStricterThan(verdict)) {
                verdict = action;
            }
            fired.addAll(rules.getOrDefault(recipient.asString(), List.of()));
        }
        MimeMessage message = mail.getMessage();
        message.setHeader(VERDICT, verdict.word());
        if (fired.isEmpty()) {
            message.removeHeader(RULES);
        } else {
            message.setHeader(RULES, String.join(", ", fired));
        }
        message.saveChanges();
    }

    @Override
    public String getMailetInfo() {
        return "Outward: headers naming the verdict and the rules that fired";
    }
}
