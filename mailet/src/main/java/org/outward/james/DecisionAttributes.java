package org.outward.james;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.outward.policy.Decision;
import org.outward.policy.Fact;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * How the inspection's outcome travels with a mail through James: as mail attributes of James's own value
 * types, so they survive the mail queue and a split by recipient, and WebAdmin shows them for a held mail.
 * They carry redacted evidence only.
 *
 * <ul>
 *   <li>{@value #ACTIONS_NAME}: recipient → action word ({@code pass}, {@code block}, ...)</li>
 *   <li>{@value #RULES_NAME}: recipient → ids of the rules that fired</li>
 *   <li>{@value #FINDINGS_NAME}: one map per fact: kind, part, file, protection, records, evidence</li>
 *   <li>{@value #VERDICT_NAME}: the strictest action over all recipients</li>
 *   <li>{@value #SUMMARY_NAME}: the same as one JSON string (actions and rules per recipient; kind, part, file,
 *   protection, records and redacted evidence per finding), which WebAdmin shows as it is, for the admin console</li>
 * </ul>
 */
public final class DecisionAttributes {

    public static final String ACTIONS_NAME = "org.outward.actions";
    public static final String RULES_NAME = "org.outward.rules";
    public static final String FINDINGS_NAME = "org.outward.findings";
    public static final String VERDICT_NAME = "org.outward.verdict";
    public static final String SUMMARY_NAME = "org.outward.summary";
    public static final String NOTICE_LANGUAGE_NAME = "org.outward.noticeLanguage";
    public static final String SECURE_TAG_NAME = "org.outward.secureTag";
    public static final String DPO_ADDRESS_NAME = "org.outward.dpoAddress";
    public static final String LINK_EXPIRY_NAME = "org.outward.linkExpirySeconds";
    public static final String LINK_DOWNLOADS_NAME = "org.outward.linkMaxDownloads";

    static final AttributeName ACTIONS = AttributeName.of(ACTIONS_NAME);
    static final AttributeName RULES = AttributeName.of(RULES_NAME);
    static final AttributeName FINDINGS = AttributeName.of(FINDINGS_NAME);
    static final AttributeName VERDICT = AttributeName.of(VERDICT_NAME);
    static final AttributeName SUMMARY = AttributeName.of(SUMMARY_NAME);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final AttributeName NOTICE_LANGUAGE = AttributeName.of(NOTICE_LANGUAGE_NAME);
    static final AttributeName DPO_ADDRESS = AttributeName.of(DPO_ADDRESS_NAME);
    static final AttributeName SECURE_TAG = AttributeName.of(SECURE_TAG_NAME);
    static final AttributeName LINK_EXPIRY = AttributeName.of(LINK_EXPIRY_NAME);
    static final AttributeName LINK_DOWNLOADS = AttributeName.of(LINK_DOWNLOADS_NAME);

    private DecisionAttributes() {
    }

    /** What the notice mailet needs from the policy in force when the mail was judged. */
    static void writeNoticeSettings(Mail mail, String language, String secureTag) {
        mail.setAttribute(new Attribute(NOTICE_LANGUAGE, AttributeValue.of(language)));
        mail.setAttribute(new Attribute(SECURE_TAG, AttributeValue.of(secureTag)));
    }

    /** Where replies to notices go, from the policy; empty: nowhere but the notice's sender, the postmaster. */
    static void writeDpoAddress(Mail mail, String address) {
        mail.setAttribute(new Attribute(DPO_ADDRESS, AttributeValue.of(address)));
    }

    static String dpoAddress(Mail mail) {
        return mail.getAttribute(DPO_ADDRESS).map(a -> String.valueOf(a.getValue().getValue())).orElse("");
    }

    /** The policy's secure-link settings, for the wrap mailet, which does not read the policy itself. */
    static void writeLinkSettings(Mail mail, java.time.Duration expiry, int maxDownloads) {
        mail.setAttribute(new Attribute(LINK_EXPIRY, AttributeValue.of(expiry.toSeconds())));
        mail.setAttribute(new Attribute(LINK_DOWNLOADS, AttributeValue.of(maxDownloads)));
    }

    /** The link lifetime the policy gave when the mail was judged, or the fallback. */
    static java.time.Duration linkExpiry(Mail mail, java.time.Duration fallback) {
        return mail.getAttribute(LINK_EXPIRY).map(a -> a.getValue().getValue())
                .filter(Number.class::isInstance).map(n -> java.time.Duration.ofSeconds(((Number) n).longValue()))
                .filter(d -> !d.isNegative() && !d.isZero()).orElse(fallback);
    }

    /** The download limit the policy gave when the mail was judged, or the fallback. */
    static int linkMaxDownloads(Mail mail, int fallback) {
        return mail.getAttribute(LINK_DOWNLOADS).map(a -> a.getValue().getValue())
                .filter(Number.class::isInstance).map(n -> ((Number) n).intValue())
                .filter(n -> n > 0).orElse(fallback);
    }

    static String noticeLanguage(Mail mail) {
        return mail.getAttribute(NOTICE_LANGUAGE).map(a -> String.valueOf(a.getValue().getValue())).orElse("en");
    }

    static String secureTag(Mail mail) {
        return mail.getAttribute(SECURE_TAG).map(a -> String.valueOf(a.getValue().getValue())).orElse("");
    }

    static void write(Mail mail, Decision decision, List<Fact> facts) {
        Map<String, AttributeValue<?>> actions = new LinkedHashMap<>();
        Map<String, AttributeValue<?>> rules = new LinkedHashMap<>();
        for (Decision.RecipientDecision outcome : decision.recipients()) {
            actions.put(outcome.recipient(), AttributeValue.of(outcome.action().word()));
            rules.put(outcome.recipient(), AttributeValue.of(outcome.fired().stream()
                    .<AttributeValue<?>>map(r -> AttributeValue.of(r.ruleId())).toList()));
        }
        List<AttributeValue<?>> findings = facts.stream().<AttributeValue<?>>map(f -> {
            Map<String, AttributeValue<?>> finding = new LinkedHashMap<>();
            finding.put("kind", AttributeValue.of(f.kind().word()));
            finding.put("part", AttributeValue.of(f.partPath()));
            finding.put("file", AttributeValue.of(f.fileName()));
            finding.put("protection", AttributeValue.of(f.protection().word()));
            finding.put("records", AttributeValue.of(f.records()));
            finding.put("evidence", AttributeValue.of(f.evidence()));
            // The same evidence in parts, so that a notice can say it in its own language.
            finding.put("dataKinds", AttributeValue.of(String.join(",", f.dataKinds())));
            finding.put("categories", AttributeValue.of(String.join(",", f.people().categories())));
            finding.put("outsideEncryption", AttributeValue.of(f.people().outsideEncryption()));
            finding.put("examples", AttributeValue.of(String.join("; ", f.people().examples())));
            return AttributeValue.of(finding);
        }).toList();
        mail.setAttribute(new Attribute(ACTIONS, AttributeValue.of(actions)));
        mail.setAttribute(new Attribute(RULES, AttributeValue.of(rules)));
        mail.setAttribute(new Attribute(FINDINGS, AttributeValue.of(findings)));
        mail.setAttribute(new Attribute(VERDICT, AttributeValue.of(decision.verdict().word())));
        mail.setAttribute(new Attribute(SUMMARY, AttributeValue.of(summary(decision, facts))));
    }

    /** WebAdmin shows a structured attribute only as Java's toString of it; a JSON string reads back exactly. */
    static String summary(Decision decision, List<Fact> facts) {
        ObjectNode summary = JSON.createObjectNode();
        summary.put("verdict", decision.verdict().word());
        ArrayNode recipients = summary.putArray("recipients");
        for (Decision.RecipientDecision outcome : decision.recipients()) {
            ObjectNode recipient = recipients.addObject();
            recipient.put("address", outcome.recipient());
            recipient.put("action", outcome.action().word());
            ArrayNode rules = recipient.putArray("rules");
            outcome.fired().forEach(r -> rules.add(r.ruleId()));
        }
        ArrayNode findings = summary.putArray("findings");
        for (Fact fact : facts) {
            ObjectNode finding = findings.addObject();
            finding.put("kind", fact.kind().word());
            finding.put("part", fact.partPath());
            finding.put("file", fact.fileName());
            finding.put("protection", fact.protection().word());
            finding.put("records", fact.records());
            finding.put("evidence", fact.evidence());
        }
        return summary.toString();
    }

    /** Recipient → action word; empty when the mail was not inspected. */
    static Map<String, String> actions(Mail mail) {
        return stringMap(mail, ACTIONS);
    }

    /** Recipient → ids of the rules that fired. */
    static Map<String, List<String>> rules(Mail mail) {
        Map<String, List<String>> rules = new LinkedHashMap<>();
        mapOf(mail, RULES).forEach((recipient, value) -> rules.put(recipient, strings(value.getValue())));
        return rules;
    }

    /** One map of strings per finding, in part order. */
    static List<Map<String, String>> findings(Mail mail) {
        Optional<Object> value = mail.getAttribute(FINDINGS).map(a -> a.getValue().getValue());
        if (value.isEmpty() || !(value.get() instanceof Collection<?> items)) {
            return List.of();
        }
        return items.stream().map(item -> ((AttributeValue<?>) item).getValue())
                .filter(Map.class::isInstance)
                .map(map -> {
                    Map<String, String> finding = new LinkedHashMap<>();
                    ((Map<?, ?>) map).forEach((k, v) -> finding.put(k.toString(),
                            String.valueOf(((AttributeValue<?>) v).getValue())));
                    return finding;
                }).toList();
    }

    private static Map<String, String> stringMap(Mail mail, AttributeName name) {
        Map<String, String> result = new LinkedHashMap<>();
        mapOf(mail, name).forEach((k, v) -> result.put(k, String.valueOf(v.getValue())));
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, AttributeValue<?>> mapOf(Mail mail, AttributeName name) {
        return mail.getAttribute(name).map(a -> a.getValue().getValue())
                .filter(Map.class::isInstance)
                .map(v -> (Map<String, AttributeValue<?>>) v)
                .orElse(Map.of());
    }

    private static List<String> strings(Object value) {
        if (value instanceof Collection<?> items) {
            return items.stream().map(i -> String.valueOf(((AttributeValue<?>) i).getValue())).toList();
        }
        return List.of();
    }
}
