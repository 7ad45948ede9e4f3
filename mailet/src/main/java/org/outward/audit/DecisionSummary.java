package org.outward.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the reports count of a {@link AuditKind#DECISION} event: who sent the message, its verdict, the rules that
 * fired for any recipient, and the policy's sender groups the sender was in. Lines written before decisions carried
 * {@code senderGroups} read with none recorded, not as a sender in no group.
 *
 * @param sender       the envelope sender, empty for a null sender
 * @param verdict      the strictest action over the recipients, e.g. {@code block}
 * @param rules        every rule that fired for any recipient, each once, in the order first seen
 * @param senderGroups the sender's groups by name; empty when the line does not say (an older line)
 */
public record DecisionSummary(String sender, String verdict, List<String> rules, Optional<List<String>> senderGroups) {

    /** The field of a decision that names the sender's groups. */
    public static final String SENDER_GROUPS = "senderGroups";

    public DecisionSummary {
        rules = List.copyOf(rules);
        senderGroups = senderGroups.map(List::copyOf);
    }

    /** The summary of a decision event; empty for an event of another kind. */
    public static Optional<DecisionSummary> of(AuditEvent event) {
        if (event.kind() != AuditKind.DECISION) {
            return Optional.empty();
        }
        List<String> rules = new ArrayList<>();
        if (event.fields().get("recipients") instanceof List<?> recipients) {
            for (Object recipient : recipients) {
                if (recipient instanceof Map<?, ?> map && map.get("rules") instanceof List<?> fired) {
                    fired.stream().map(String::valueOf).filter(r -> !rules.contains(r)).forEach(rules::add);
                }
            }
        }
        Optional<List<String>> groups = event.fields().get(SENDER_GROUPS) instanceof List<?> named
                ? Optional.of(named.stream().map(String::valueOf).toList()) : Optional.empty();
        return Optional.of(new DecisionSummary(event.text("sender").orElse(""), event.text("verdict").orElse("pass"),
                rules, groups));
    }
}
