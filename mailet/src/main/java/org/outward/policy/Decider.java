package org.outward.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Applies a policy to the facts of one message and decides, recipient by recipient, what happens.
 * A rule fires for a recipient when the recipient is in one of its scopes, the sender in one of its groups,
 * and at least one fact meets its condition; of the rules that fire, the strictest action wins, and the
 * first rule in file order with that action is the one named as deciding.
 */
public final class Decider {

    private final Policy policy;

    public Decider(Policy policy) {
        this.policy = policy;
    }

    public Decision decide(MessageFacts message) {
        boolean tagged = !policy.secureTag().isEmpty()
                && message.subject().toLowerCase(Locale.ROOT).contains(policy.secureTag().toLowerCase(Locale.ROOT));
        List<Decision.RecipientDecision> outcomes = new ArrayList<>();
        for (String recipient : message.recipients()) {
            String scope = scopeOf(recipient);
            List<Decision.FiredRule> fired = new ArrayList<>();
            for (Policy.Rule rule : policy.rules()) {
                if (!appliesTo(rule, scope) || !sentBy(rule, message.sender())) {
                    continue;
                }
                List<Fact> matching = message.facts().stream()
                        .filter(f -> f.concerns(recipient) && matches(rule.when(), f, tagged)).toList();
                if (!matching.isEmpty()) {
                    fired.add(new Decision.FiredRule(rule.id(), rule.action(), matching));
                }
            }
            Action action = Action.PASS;
            String decidedBy = "";
            for (Decision.FiredRule rule : fired) {
                if (rule.action().isStricterThan(action)) {
                    action = rule.action();
                    decidedBy = rule.ruleId();
                }
            }
            outcomes.add(new Decision.RecipientDecision(recipient, scope, action, fired, decidedBy));
        }
        return new Decision(outcomes);
    }

    /** {@code internal}, {@code partner:NAME} or {@code external}. */
    public String scopeOf(String address) {
        String domain = domainOf(address);
        for (String internal : policy.recipients().internalDomains()) {
            if (inDomain(domain, internal)) {
                return "internal";
            }
        }
        for (Policy.Partner partner : policy.recipients().partners()) {
            for (String partnerDomain : partner.domains()) {
                if (inDomain(domain, partnerDomain)) {
                    return "partner:" + partner.name();
                }
            }
        }
        return "external";
    }

    private static boolean appliesTo(Policy.Rule rule, String scope) {
        if (rule.recipients().isEmpty()) {
            return true;
        }
        return rule.recipients().contains(scope)
                || (scope.startsWith("partner:") && rule.recipients().contains("partners"));
    }

    private boolean sentBy(Policy.Rule rule, String sender) {
        return (rule.senders().isEmpty() || inGroups(rule.senders(), sender))
                && !inGroups(rule.exceptSenders(), sender);
    }

    private boolean inGroups(List<String> groups, String sender) {
        return groups.stream().anyMatch(group -> inGroup(group, sender));
    }

    /**
     * The policy's sender groups that hold this sender (its address, or its {@code @domain}), by name: what the
     * audit trail records of a decision, so that statistics can be kept by group.
     */
    public List<String> senderGroupsOf(String sender) {
        return policy.senderGroups().keySet().stream().filter(group -> inGroup(group, sender)).sorted().toList();
    }

    private boolean inGroup(String group, String sender) {
        String address = sender.toLowerCase(Locale.ROOT);
        String domain = "@" + domainOf(address);
        return policy.senderGroups().getOrDefault(group, List.of()).stream()
                .anyMatch(member -> member.equals(address) || member.equals(domain));
    }

    private boolean matches(Policy.Condition when, Fact fact, boolean tagged) {
        if (when.finding() != fact.kind()) {
            return false;
        }
        if (!when.protection().isEmpty() && !when.protection().contains(fact.protection())) {
            return false;
        }
        if (when.secureTag() != null && when.secureTag() != tagged) {
            return false;
        }
        if (when.fileName() != null && !when.fileName().matcher(fact.fileName()).find()) {
            return false;
        }
        if (!when.data().isEmpty() && fact.dataKinds().stream().noneMatch(when.data()::contains)) {
            return false;
        }
        return switch (fact.kind()) {
            case PERSONAL_DATA -> fact.records() >= (when.minRecords() > 0
                    ? when.minRecords() : policy.detection().minRecords())
                    && fact.confidence() >= policy.detection().personalDataMinConfidence();
            // Political opinions and health are protected even for one person: only a rule's own min-records limits it.
            case SPECIAL_CATEGORY_DATA -> fact.records() >= Math.max(1, when.minRecords())
                    && fact.confidence() >= policy.detection().personalDataMinConfidence();
            case PASSWORD, PASSWORD_FOR_EARLIER_ATTACHMENT -> fact.confidence() >= policy.detection().passwordMinConfidence();
            default -> true;
        };
    }

    private static String domainOf(String address) {
        int at = address.lastIndexOf('@');
        return (at < 0 ? "" : address.substring(at + 1)).toLowerCase(Locale.ROOT);
    }

    private static boolean inDomain(String domain, String parent) {
        return domain.equals(parent) || domain.endsWith("." + parent);
    }
}
