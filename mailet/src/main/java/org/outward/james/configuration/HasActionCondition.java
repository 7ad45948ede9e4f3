package org.outward.james.configuration;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import javax.mail.MessagingException;

import org.outward.policy.Action;

/**
 * The {@code HasAction} matcher's condition: the action words whose recipients it matches.
 *
 * @param actions the action words, lower case, at least one
 */
public record HasActionCondition(Set<String> actions) {

    public HasActionCondition {
        // Not Set.copyOf: the matcher asks with the decision of an uninspected recipient, which is null.
        actions = Collections.unmodifiableSet(new HashSet<>(actions));
    }

    /** {@code block}, {@code monitor,warn}: a comma-separated list of known action words. */
    public static HasActionCondition parse(String condition) throws MessagingException {
        Set<String> actions = Arrays.stream((condition == null ? "" : condition).split(","))
                .map(s -> s.trim().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
        if (actions.isEmpty()) {
            throw new MessagingException("HasAction needs a condition naming actions, e.g. HasAction=block");
        }
        Set<String> known = Arrays.stream(Action.values()).map(Action::word).collect(Collectors.toSet());
        for (String action : actions) {
            if (!known.contains(action)) {
                throw new MessagingException("HasAction: unknown action '" + action + "'; known: "
                        + Arrays.stream(Action.values()).map(Action::word).collect(Collectors.joining(", ")));
            }
        }
        return new HasActionCondition(actions);
    }
}
