package org.outward.james;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.outward.policy.Decision;
import org.outward.policy.Fact;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One JSON line per decision on the logger {@value #LOGGER}: message id, sender, recipients with their
 * action and rules, redacted findings, and the time taken. Never content: findings carry redacted evidence
 * only. Deleting held mail at the end of its retention is a line too, so the trail shows where each
 * blocked message went. Route the logger to its own file in James's logback.xml to keep an audit trail.
 */
final class AuditLog {

    static final String LOGGER = "org.outward.audit";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditLog() {
    }

    static void decision(String messageId, String sender, Decision decision, List<Fact> facts, long nanos) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        LOG.info(line(messageId, sender, decision, facts, nanos));
    }

    static String line(String messageId, String sender, Decision decision, List<Fact> facts, long nanos) {
        ObjectNode line = JSON.createObjectNode();
        line.put("event", "decision");
        line.put("messageId", messageId == null ? "" : messageId);
        line.put("sender", sender);
        line.put("verdict", decision.verdict().word());
        ArrayNode recipients = line.putArray("recipients");
        for (Decision.RecipientDecision outcome : decision.recipients()) {
            ObjectNode recipient = recipients.addObject();
            recipient.put("address", outcome.recipient());
            recipient.put("scope", outcome.scope());
            recipient.put("action", outcome.action().word());
            recipient.put("decidedBy", outcome.decidedBy());
            ArrayNode rules = recipient.putArray("rules");
            outcome.fired().forEach(r -> rules.add(r.ruleId()));
        }
        ArrayNode findings = line.putArray("findings");
        for (Fact fact : facts) {
            ObjectNode finding = findings.addObject();
            finding.put("kind", fact.kind().word());
            finding.put("part", fact.partPath());
            finding.put("protection", fact.protection().word());
            finding.put("records", fact.records());
            finding.put("evidence", fact.evidence());
        }
        line.put("ms", Math.round(nanos / 1_000_00.0) / 10.0);
        return line.toString();
    }

    static void expired(String messageId, String repository, Instant heldSince, Duration retention) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        ObjectNode line = JSON.createObjectNode();
        line.put("event", "expired");
        line.put("messageId", messageId);
        line.put("repository", repository);
        line.put("heldSince", heldSince.toString());
        line.put("retention", retention.toString());
        LOG.info(line.toString());
    }

    /** An admin released a held mail from the console; it now goes on to delivery. */
    static void released(String messageId, String sender, List<String> recipients, List<String> rules) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        ObjectNode line = JSON.createObjectNode();
        line.put("event", "released");
        line.put("messageId", messageId == null ? "" : messageId);
        line.put("sender", sender);
        ArrayNode to = line.putArray("recipients");
        recipients.forEach(to::add);
        ArrayNode fired = line.putArray("rules");
        rules.forEach(fired::add);
        LOG.info(line.toString());
    }
}
