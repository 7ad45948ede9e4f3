package org.outward.james;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.mail.MessagingException;

import org.apache.mailet.Mail;
import org.outward.audit.AuditEvent;
import org.outward.audit.AuditKind;
import org.outward.audit.AuditTrail;
import org.outward.audit.DecisionSummary;
import org.outward.policy.Decision;
import org.outward.policy.Fact;

/**
 * The mailets' audit events, written through {@link AuditTrail}: one per decision (message id, sender and the
 * policy's sender groups it is in, recipients with their action and rules, redacted findings, and the time taken),
 * one per held mail deleted at the end of its retention and one per held mail an admin deleted, so the trail
 * shows where each blocked message went. Never content: findings carry redacted evidence only.
 */
final class AuditLog {

    private AuditLog() {
    }

    /**
     * @param senderGroups the policy's sender groups the sender is in, for statistics by group
     */
    static void decision(String messageId, String sender, List<String> senderGroups, Decision decision, List<Fact> facts,
                         long nanos) {
        if (AuditTrail.toLog().enabled()) {
            AuditTrail.toLog().record(AuditKind.DECISION, AuditEvent.GATEWAY,
                    fields(messageId, sender, senderGroups, decision, facts, nanos));
        }
    }

    /** A decision's fields, in the order the line shows them. */
    static Map<String, Object> fields(String messageId, String sender, List<String> senderGroups, Decision decision,
                                      List<Fact> facts, long nanos) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("messageId", messageId == null ? "" : messageId);
        line.put("sender", sender);
        line.put(DecisionSummary.SENDER_GROUPS, List.copyOf(senderGroups));
        line.put("verdict", decision.verdict().word());
        List<Object> recipients = new ArrayList<>();
        for (Decision.RecipientDecision outcome : decision.recipients()) {
            Map<String, Object> recipient = new LinkedHashMap<>();
            recipient.put("address", outcome.recipient());
            recipient.put("scope", outcome.scope());
            recipient.put("action", outcome.action().word());
            recipient.put("decidedBy", outcome.decidedBy());
            recipient.put("rules", outcome.fired().stream().map(Decision.FiredRule::ruleId).toList());
            recipients.add(recipient);
        }
        line.put("recipients", recipients);
        List<Object> findings = new ArrayList<>();
        for (Fact fact : facts) {
            Map<String, Object> finding = new LinkedHashMap<>();
            finding.put("kind", fact.kind().word());
            finding.put("part", fact.partPath());
            finding.put("protection", fact.protection().word());
            finding.put("records", fact.records());
            finding.put("evidence", fact.evidence());
            findings.add(finding);
        }
        line.put("findings", findings);
        line.put("ms", Math.round(nanos / 1_000_00.0) / 10.0);
        return line;
    }

    /** The mail's Message-ID as the audit lines carry it: empty when it has none or it cannot be read. */
    static String messageId(Mail mail) {
        try {
            String id = mail.getMessage().getMessageID();
            return id == null ? "" : id;
        } catch (MessagingException e) {
            return "";
        }
    }

    static void expired(String messageId, String repository, Instant heldSince, Duration retention) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("messageId", messageId == null ? "" : messageId);
        line.put("repository", repository);
        line.put("heldSince", heldSince.toString());
        line.put("retention", retention.toString());
        AuditTrail.toLog().record(AuditKind.EXPIRED, AuditEvent.GATEWAY, line);
    }

    /**
     * Held mail an admin deleted, ended by the gateway; the admin and the reason are in the console's {@code delete}
     * event of the same mail key and Message-ID.
     */
    static void discarded(String messageId, String mailKey, boolean senderTold) {
        AuditTrail.toLog().record(AuditKind.DISCARDED, AuditEvent.GATEWAY, ended(messageId, mailKey, senderTold));
    }

    /**
     * Held mail an admin released, sent on by the gateway. Written whoever asked for it: a release straight through
     * WebAdmin, around the console, has no console {@code release} event, and this line is what shows it left.
     */
    static void released(String messageId, String mailKey, boolean senderTold) {
        AuditTrail.toLog().record(AuditKind.RELEASED, AuditEvent.GATEWAY, ended(messageId, mailKey, senderTold));
    }

    private static Map<String, Object> ended(String messageId, String mailKey, boolean senderTold) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("messageId", messageId == null ? "" : messageId);
        line.put("mailKey", mailKey == null ? "" : mailKey);
        line.put("senderTold", senderTold);
        return line;
    }
}
