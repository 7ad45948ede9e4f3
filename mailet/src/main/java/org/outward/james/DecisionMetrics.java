package org.outward.james;

import java.util.LinkedHashSet;
import java.util.Set;

import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.metrics.api.TimeMetric;
import org.outward.policy.Action;
import org.outward.policy.Decision;

/**
 * The gateway's decisions as counts and timings in James's own metric registry, which James's WebAdmin serves in
 * the Prometheus text format at {@code /metrics} (with
 * {@code extensions.routes=org.apache.james.webadmin.dropwizard.MetricsRoutes} in {@code webadmin.properties}).
 *
 * <p>James's registry has no labels, so each verdict, action and rule has a metric of its own. Every name comes
 * from the policy language or the policy file (rule ids are {@code [a-z0-9-]}), never from the mail: the number
 * of metrics is bounded by the policy, and no address or file name can reach the registry.
 *
 * <ul>
 *   <li>{@code outward_verdict_<verdict>}: messages judged, by verdict (the strictest action of any recipient).</li>
 *   <li>{@code outward_action_<action>}: recipients, by the action decided for them.</li>
 *   <li>{@code outward_rule_<rule id>}: messages for which the rule fired (for any recipient).</li>
 *   <li>{@code outward_inspection_failed}: messages the engine could not judge (they get the policy's
 *       inspection-failure action and are counted under that verdict too).</li>
 *   <li>{@code outward_inspection_duration_seconds}: time to judge a message (James's timer: Prometheus quantiles
 *       and a count, in seconds).</li>
 *   <li>{@code outward_parser_processes_lost}: parser processes killed, crashed or not started since James started
 *       (a gauge of a count: use {@code increase()}).</li>
 * </ul>
 */
final class DecisionMetrics {

    static final String PREFIX = "outward_";
    static final String INSPECTION_TIME = PREFIX + "inspection_duration_seconds";
    /** Parser processes lost since start ({@link org.outward.inspect.ParserProcessLosses}). */
    static final String PARSER_PROCESSES_LOST = PREFIX + "parser_processes_lost";
    /** Images read by OCR since start ({@link org.outward.inspect.OcrCounts}). */
    static final String OCR_IMAGES_READ = PREFIX + "ocr_images_read";
    /** Images the pre-check kept from OCR since start. */
    static final String OCR_IMAGES_SKIPPED = PREFIX + "ocr_images_skipped";
    static final String INSPECTION_FAILED = PREFIX + "inspection_failed";

    /** A started timing; {@link #stop()} publishes it. */
    interface Timing {
        void stop();
    }

    private static final DecisionMetrics NONE = new DecisionMetrics(null);

    private final MetricFactory factory;

    private DecisionMetrics(MetricFactory factory) {
        this.factory = factory;
    }

    /**
     * Metrics in James's registry. Verdict and action counters exist from the start, at zero, so a dashboard
     * shows a rate of zero rather than no data before the first such message.
     */
    static DecisionMetrics in(MetricFactory factory) {
        DecisionMetrics metrics = new DecisionMetrics(factory);
        for (Action action : Action.values()) {
            factory.generate(verdict(action));
            factory.generate(action(action));
        }
        factory.generate(INSPECTION_FAILED);
        return metrics;
    }

    /** For a mailet made outside James (tests, tools): records nothing. */
    static DecisionMetrics none() {
        return NONE;
    }

    Timing startInspection() {
        if (factory == null) {
            return () -> { };
        }
        TimeMetric timer = factory.timer(INSPECTION_TIME);
        return timer::stopAndPublish;
    }

    void judged(Decision decision, boolean failed) {
        if (factory == null) {
            return;
        }
        factory.generate(verdict(decision.verdict())).increment();
        Set<String> rules = new LinkedHashSet<>();
        for (Decision.RecipientDecision recipient : decision.recipients()) {
            factory.generate(action(recipient.action())).increment();
            recipient.fired().forEach(rule -> rules.add(rule.ruleId()));
        }
        rules.forEach(rule -> factory.generate(rule(rule)).increment());
        if (failed) {
            factory.generate(INSPECTION_FAILED).increment();
        }
    }

    static String verdict(Action action) {
        return PREFIX + "verdict_" + action.word();
    }

    static String action(Action action) {
        return PREFIX + "action_" + action.word();
    }

    static String rule(String ruleId) {
        // Rule ids are [a-z0-9-]; Prometheus names cannot hold '-'.
        return PREFIX + "rule_" + ruleId.replace('-', '_');
    }
}
