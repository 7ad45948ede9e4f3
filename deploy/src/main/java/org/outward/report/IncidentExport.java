package org.outward.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.outward.audit.AuditEvent;
import org.outward.audit.AuditKind;

/**
 * Everything the audit trail knows about one incident, for a breach assessment under UK GDPR's 72-hour rule: for
 * each message chosen (by Message-ID, or by sender in a time window), when it was judged and by which policy, what
 * was found (redacted evidence), what the gateway did for each recipient and so what left, to whom, and every admin
 * action on it afterwards.
 *
 * @param generated when the export was made
 * @param query     what was asked for, in words
 * @param messages  each decision that matched, oldest first
 * @param unreadable lines of the trail that were not audit events (a trail cut short shows here)
 */
public record IncidentExport(Instant generated, String query, List<Message> messages, int unreadable) {

    public IncidentExport {
        messages = List.copyOf(messages);
    }

    /**
     * One decision and what became of the message.
     *
     * @param policy the policy in force on that node: the last version loaded before the decision, if the trail has it
     */
    public record Message(String messageId, String sender, Instant judged, String node, String eventId, String verdict,
                          Optional<Policy> policy, List<Recipient> recipients, List<Finding> findings,
                          List<AdminAction> actions) {
        public Message {
            recipients = List.copyOf(recipients);
            findings = List.copyOf(findings);
            actions = List.copyOf(actions);
        }
    }

    /** A policy version: the file, its SHA-256 and since when it was in force. */
    public record Policy(String file, String sha256, Instant since) {
    }

    /**
     * @param left what left for this recipient: {@code delivered}, {@code secure-link} (the message without its risky
     *             files, which wait in the vault behind a link), {@code released} (held, then released by an admin),
     *             {@code held}, {@code deleted} (held, then deleted) or {@code not-delivered} (blocked)
     */
    public record Recipient(String address, String scope, String action, List<String> rules, String left) {
        public Recipient {
            rules = List.copyOf(rules);
        }
    }

    public record Finding(String kind, String part, String protection, int records, String evidence) {
    }

    /** What an admin (or the retention sweep, actor {@code gateway}) did to the held message or its links. */
    public record AdminAction(Instant time, String event, String actor, String node, String eventId, String reason) {
    }

    /** The decisions with this Message-ID. */
    public static IncidentExport byMessageId(TrailFiles.Trail trail, String messageId, Instant generated) {
        return of(trail, decision -> MessageIds.same(decision.text("messageId").orElse(""), messageId),
                "Message-ID " + messageId, generated);
    }

    /** The decisions on mail from this sender (the trail's window is the caller's). */
    public static IncidentExport bySender(TrailFiles.Trail trail, String sender, Instant from, Instant to, Instant generated) {
        return of(trail, decision -> decision.text("sender").orElse("").equalsIgnoreCase(sender),
                "mail from " + sender + " from " + from + " to " + to, generated);
    }

    private static IncidentExport of(TrailFiles.Trail trail, Predicate<AuditEvent> chosen, String query, Instant generated) {
        List<Message> messages = new ArrayList<>();
        Map<String, Policy> policyByNode = new LinkedHashMap<>();
        for (AuditEvent event : trail.events()) {
            if (event.kind() == AuditKind.POLICY_CHANGE && !"rejected".equals(event.text("outcome").orElse(""))) {
                policyByNode.put(event.node(), new Policy(event.text("file").orElse(""), event.text("sha256").orElse(""),
                        event.time()));
            }
            if (event.kind() == AuditKind.DECISION && chosen.test(event)) {
                messages.add(message(event, Optional.ofNullable(policyByNode.get(event.node())), trail.events()));
            }
        }
        return new IncidentExport(generated, query, messages, trail.unreadable());
    }

    private static Message message(AuditEvent decision, Optional<Policy> policy, List<AuditEvent> all) {
        String messageId = decision.text("messageId").orElse("");
        List<AdminAction> actions = new ArrayList<>();
        for (AuditEvent event : all) {
            boolean after = event.time().isAfter(decision.time()) || event.time().equals(decision.time());
            if (after && event.kind() != AuditKind.DECISION && !messageId.isEmpty()
                    && MessageIds.same(messageId, event.text("messageId").orElse(""))) {
                actions.add(new AdminAction(event.time(), event.kind().word(), event.actor(), event.node(), event.id(),
                        event.text("reason").orElse("")));
            }
        }
        List<Recipient> recipients = new ArrayList<>();
        for (Map<?, ?> recipient : maps(decision.fields().get("recipients"))) {
            String action = text(recipient, "action");
            recipients.add(new Recipient(text(recipient, "address"), text(recipient, "scope"), action,
                    ((List<?>) recipient.get("rules")).stream().map(String::valueOf).toList(), left(action, actions)));
        }
        List<Finding> findings = new ArrayList<>();
        for (Map<?, ?> finding : maps(decision.fields().get("findings"))) {
            findings.add(new Finding(text(finding, "kind"), text(finding, "part"), text(finding, "protection"),
                    finding.get("records") instanceof Number n ? n.intValue() : 0, text(finding, "evidence")));
        }
        return new Message(messageId, decision.text("sender").orElse(""), decision.time(), decision.node(), decision.id(),
                decision.text("verdict").orElse(""), policy, recipients, findings, actions);
    }

    /** What left for a recipient given the action and what admins did to the held message afterwards. */
    private static String left(String action, List<AdminAction> actions) {
        switch (action) {
            case "pass", "monitor", "warn":
                return "delivered";
            case "wrap":
                return "secure-link";
            default:
                break;
        }
        for (AdminAction later : actions) {
            if (later.event().equals("release") || later.event().equals("released")) {
                return "released";
            }
            if (later.event().equals("delete") || later.event().equals("discarded") || later.event().equals("expired")) {
                return "deleted";
            }
        }
        return action.equals("quarantine") ? "held" : "not-delivered";
    }

    private static List<Map<?, ?>> maps(Object list) {
        List<Map<?, ?>> maps = new ArrayList<>();
        if (list instanceof List<?> items) {
            items.stream().filter(Map.class::isInstance).forEach(item -> maps.add((Map<?, ?>) item));
        }
        return maps;
    }

    private static String text(Map<?, ?> map, String name) {
        Object value = map.get(name);
        return value == null ? "" : String.valueOf(value);
    }
}
