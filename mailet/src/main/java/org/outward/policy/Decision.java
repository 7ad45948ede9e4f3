package org.outward.policy;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The outcome for one message: an action per recipient, each with the rules that fired and the facts that
 * made them fire. The explanation is what an admin reads to see why a message was stopped.
 *
 * @param recipients one outcome per envelope recipient, in envelope order
 */
public record Decision(List<RecipientDecision> recipients) {

    public Decision {
        recipients = List.copyOf(recipients);
    }

    /** Every recipient passes, no rule involved: for the gateway's own mail. */
    public static Decision passFor(List<String> recipients) {
        return allRecipients(recipients, Action.PASS, "");
    }

    /**
     * The same action for every recipient, taken by the gateway itself rather than by a rule: used when a
     * message could not be judged ({@code inspection-failure}).
     */
    public static Decision allRecipients(List<String> recipients, Action action, String reason) {
        return new Decision(recipients.stream().map(r -> new RecipientDecision(r, "", action,
                reason.isEmpty() ? List.of() : List.of(new FiredRule(reason, action, List.of())), reason)).toList());
    }

    /** The strictest action over all recipients: the message's verdict in one word. */
    public Action verdict() {
        return recipients.stream().map(RecipientDecision::action).max(Enum::compareTo).orElse(Action.PASS);
    }

    /** Recipients grouped by the action they get, for splitting the mail in James. */
    public Map<Action, List<String>> recipientsByAction() {
        return recipients.stream().collect(Collectors.groupingBy(RecipientDecision::action,
                Collectors.mapping(RecipientDecision::recipient, Collectors.toList())));
    }

    /**
     * @param recipient the address
     * @param scope     {@code internal}, {@code partner:NAME} or {@code external}
     * @param action    the strictest action of the rules that fired, {@link Action#PASS} if none
     * @param fired     every rule that fired for this recipient, in policy order
     * @param decidedBy the id of the rule whose action was taken; empty when no rule fired
     */
    public record RecipientDecision(String recipient, String scope, Action action, List<FiredRule> fired,
                                    String decidedBy) {
        public RecipientDecision {
            Objects.requireNonNull(recipient, "recipient");
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(action, "action");
            fired = List.copyOf(fired);
            Objects.requireNonNull(decidedBy, "decidedBy");
        }

        /** One line per rule: {@code block by personal-data-unprotected (line 74): 2/canvass.xlsx 312 rows ...}. */
        public String explain() {
            if (fired.isEmpty()) {
                return recipient + " (" + scope + "): pass, no rule fired";
            }
            StringBuilder text = new StringBuilder(recipient + " (" + scope + "): " + action.word()
                    + ", decided by rule " + decidedBy);
            for (FiredRule rule : fired) {
                text.append("\n  rule ").append(rule.ruleId()).append(" -> ").append(rule.action().word());
                for (Fact fact : rule.facts()) {
                    text.append("\n    ").append(fact.kind().word()).append(" in ").append(fact.partPath())
                            .append(" (protection ").append(fact.protection().word()).append(")");
                    if (!fact.evidence().isEmpty()) {
                        text.append(": ").append(fact.evidence());
                    }
                }
            }
            return text.toString();
        }
    }

    /** A rule that fired, with the facts that matched its condition. */
    public record FiredRule(String ruleId, Action action, List<Fact> facts) {
        public FiredRule {
            Objects.requireNonNull(ruleId, "ruleId");
            Objects.requireNonNull(action, "action");
            facts = List.copyOf(facts);
        }
    }
}
