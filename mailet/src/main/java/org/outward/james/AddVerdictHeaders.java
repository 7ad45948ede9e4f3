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
import org.outward.james.configuration.AddVerdictHeadersConfiguration;
import org.outward.policy.Action;

/**
 * Sets the verdict header for this copy's recipients, after James has split the mail by recipient (the
 * inspection stamps the verdict for the whole message, which a copy for a colleague must not carry when only
 * the outside recipient was stopped). For the {@code monitor} action it also names the rules that fired, so
 * that an admin trying a rule sees what it would have done. Evidence stays out of headers: they travel with
 * the message.
 *
 * <pre>{@code
 * <mailet match="All" class="org.outward.james.AddVerdictHeaders">
 *   <rulesFor>monitor</rulesFor>
 * </mailet>
 * }</pre>
 *
 * <p>Headers: {@code X-Outward-Verdict} (the strictest action for these recipients) and {@code X-Outward-Rules}
 * (the ids of the rules that fired, comma-separated). Parameter {@code rulesFor}: the verdicts for which the
 * rules header is written, comma-separated; default {@code monitor}.
 */
public class AddVerdictHeaders extends GenericMailet {

    static final String VERDICT = "X-Outward-Verdict";
    static final String RULES = "X-Outward-Rules";

    private Set<Action> rulesFor;

    @Override
    public void init() throws MessagingException {
        rulesFor = AddVerdictHeadersConfiguration.from(getMailetConfig()).rulesFor();
    }

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
        if (fired.isEmpty() || !rulesFor.contains(verdict)) {
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
