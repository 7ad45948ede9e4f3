package org.outward.james;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMatcher;
import org.outward.james.configuration.HasActionCondition;

/**
 * Matches the recipients for whom the inspection decided one of the given actions, so that James splits the
 * mail and each copy takes its own route. A mail that was not inspected matches no recipient.
 *
 * <pre>{@code
 * <mailet match="org.outward.james.HasAction=block" class="ToProcessor">
 *   <processor>outward-block</processor>
 * </mailet>
 * <mailet match="org.outward.james.HasAction=monitor,warn" class="ToProcessor">
 *   <processor>outward-deliver</processor>
 * </mailet>
 * }</pre>
 *
 * <p>Condition: a comma-separated list of actions: {@code pass}, {@code monitor}, {@code warn},
 * {@code wrap}, {@code quarantine}, {@code block}.
 */
public class HasAction extends GenericMatcher {

    private Set<String> actions;

    @Override
    public void init() throws MessagingException {
        actions = HasActionCondition.parse(getCondition()).actions();
    }

    @Override
    public Collection<MailAddress> match(Mail mail) {
        Map<String, String> decided = DecisionAttributes.actions(mail);
        return mail.getRecipients().stream()
                .filter(r -> actions.contains(decided.get(r.asString())))
                .toList();
    }
}
