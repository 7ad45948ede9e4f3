package org.outward.james;

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
 * only. Route the logger to its own file in James's logback.xml to keep an audit trail.
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
}
