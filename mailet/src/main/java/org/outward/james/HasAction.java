package org.outward.james;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMatcher;
import org.outward.policy.Action;

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
        String condition = getCondition() == null ? "" : getCondition().trim();
        Set<String> known = Arrays.stream(Action.values()).map(Action::word).collect(Collectors.toSet());
        actions = Arrays.stream(condition.split(","))
                .map(s -> s.trim().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
        if (actions.isEmpty()) {
            throw new MessagingException("HasAction needs a condition naming actions, e.g. HasAction=block");
        }
        for (String action : actions) {
            if (!known.contains(action)) {
                throw new MessagingException("HasAction: unknown action '" + action + "'; known: "
                        + Arrays.stream(Action.values()).map(Action::word).collect(Collectors.joining(", ")));
            }
        }
    }

    @Override
    public Collection<MailAddress> match(Mail mail) {
        Map<String, String> decided = DecisionAttributes.actions(mail);
        return mail.getRecipients().stream()
                .filter(r -> actions.contains(decided.get(r.asString())))
                .toList();
    }
}
