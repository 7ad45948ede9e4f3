package org.outward.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.outward.audit.AuditEvent;
import org.outward.audit.AuditKind;
import org.outward.audit.DecisionSummary;

/**
 * The DPO's digest of one window (a day or a week): how many messages the gateway judged, by verdict and by day
 * (UTC), how often each rule fired, the policy versions put in force and the admins' actions, and the mail that still
 * waits for a decision, oldest first, the ones held since before the window marked.
 *
 * @param verdicts   messages by verdict ({@code block}, {@code quarantine}, {@code wrap}, {@code warn},
 *                   {@code monitor}, {@code pass}), strictest first
 * @param byDay      the same per UTC day
 * @param byRule     messages on which each rule fired, most first
 * @param console    the admin console's address, where the DPO decides, if it is configured
 * @param unreadable lines of the trail that were not audit events
 */
public record Digest(Instant from, Instant to, int judged, Map<String, Integer> verdicts,
                     Map<LocalDate, Map<String, Integer>> byDay, Map<String, Integer> byRule,
                     List<PolicyVersion> policies, Map<String, Integer> adminActions, List<Waiting> waiting,
                     Optional<String> console, int unreadable) {

    /** Verdicts from strictest to mildest, the order the digest shows them in. */
    public static final List<String> VERDICTS = List.of("block", "quarantine", "wrap", "warn", "monitor", "pass");

    public record PolicyVersion(Instant time, String node, String outcome, String sha256) {
    }

    /**
     * @param rules        the rules that held it, from its decision in the trail; empty when the trail does not have it
     * @param beforeWindow held since before this digest's window: it has already waited a whole digest or more
     */
    public record Waiting(HeldMail mail, List<String> rules, boolean beforeWindow) {
    }

    public static Digest of(TrailFiles.Trail trail, Instant from, Instant to, List<HeldMail> held, Optional<String> console) {
        Map<String, Integer> verdicts = new LinkedHashMap<>();
        VERDICTS.forEach(v -> verdicts.put(v, 0));
        Map<LocalDate, Map<String, Integer>> byDay = new TreeMap<>();
        Map<String, Integer> byRule = new LinkedHashMap<>();
        Map<String, List<String>> rulesByMessageId = new LinkedHashMap<>();
        List<PolicyVersion> policies = new ArrayList<>();
        Map<String, Integer> adminActions = new TreeMap<>();
        int judged = 0;
        for (AuditEvent event : trail.events()) {
            if (event.kind() == AuditKind.DECISION) {
                List<String> rules = rules(event);
                event.text("messageId").filter(id -> !id.isEmpty())
                        .ifPresent(id -> rulesByMessageId.put(MessageIds.unfolded(id), rules));
                if (event.time().isBefore(from) || !event.time().isBefore(to)) {
                    continue;
                }
                judged++;
                String verdict = event.text("verdict").orElse("pass");
                verdicts.merge(verdict, 1, Integer::sum);
                byDay.computeIfAbsent(LocalDate.ofInstant(event.time(), ZoneOffset.UTC), d -> {
                    Map<String, Integer> day = new LinkedHashMap<>();
                    VERDICTS.forEach(v -> day.put(v, 0));
                    return day;
                }).merge(verdict, 1, Integer::sum);
                rules.forEach(rule -> byRule.merge(rule, 1, Integer::sum));
            } else if (event.time().isBefore(from) || !event.time().isBefore(to)) {
                continue;
            } else if (event.kind() == AuditKind.POLICY_CHANGE) {
                policies.add(new PolicyVersion(event.time(), event.node(), event.text("outcome").orElse(""),
                        event.text("sha256").orElse("")));
            } else if (event.kind() != AuditKind.EXPIRED && event.kind() != AuditKind.DISCARDED
                    && event.kind() != AuditKind.RELEASED) {
                // The gateway's own ends of held mail; an admin's deletion is counted once, by its delete event.
                adminActions.merge(event.kind().word(), 1, Integer::sum);
            }
        }
        Map<String, Integer> rulesMostFirst = new LinkedHashMap<>();
        byRule.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).forEach(e -> rulesMostFirst.put(e.getKey(), e.getValue()));
        List<Waiting> waiting = held.stream().sorted(Comparator.comparing(HeldMail::heldSince))
                .map(mail -> new Waiting(mail,
                        rulesByMessageId.getOrDefault(MessageIds.unfolded(mail.messageId()), List.of()),
                        mail.heldSince().isBefore(from)))
                .toList();
        return new Digest(from, to, judged, verdicts, byDay, rulesMostFirst, policies, adminActions, waiting, console,
                trail.unreadable());
    }

    /** The rules that fired for any recipient, each once, in the order first seen. */
    private static List<String> rules(AuditEvent decision) {
        return DecisionSummary.of(decision).map(DecisionSummary::rules).orElse(List.of());
    }
}
