package org.outward.james.configuration;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import javax.mail.MessagingException;

import org.apache.mailet.MailetConfig;
import org.outward.policy.Action;

/**
 * The {@code AddVerdictHeaders} mailet's parameters.
 *
 * @param rulesFor the verdicts for which the rules that fired are named in a header
 */
public record AddVerdictHeadersConfiguration(Set<Action> rulesFor) {

    /** Comma-separated action words; default {@code monitor}. */
    public static final String RULES_FOR = "rulesFor";

    public AddVerdictHeadersConfiguration {
        rulesFor = Set.copyOf(rulesFor);
    }

    public static AddVerdictHeadersConfiguration from(MailetConfig config) throws MessagingException {
        InitParameters parameters = InitParameters.of("AddVerdictHeaders", config, Set.of(RULES_FOR));
        Set<Action> rulesFor = new HashSet<>();
        for (String word : parameters.text(RULES_FOR, Action.MONITOR.word()).split(",")) {
            String lower = word.trim().toLowerCase(Locale.ROOT);
            Action action = Action.fromWord(lower);
            if (!action.word().equals(lower)) {
                throw parameters.problem(RULES_FOR + " names an unknown action '" + word.trim() + "'");
            }
            rulesFor.add(action);
        }
        return new AddVerdictHeadersConfiguration(rulesFor);
    }
}
