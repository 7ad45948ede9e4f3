package org.outward.engine;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.outward.inspect.Inspection;
import org.outward.policy.Decision;
import org.outward.policy.Fact;

/**
 * Everything the engine concluded about one message: what it saw, what it found, what the policy decided,
 * and how long it took. Holds no content: parts keep their extracted text only until the judgement is made.
 *
 * @param subject    the decoded subject
 * @param inspection the parts with their types and protection
 * @param facts      the findings as the policy sees them, redacted
 * @param decision   the outcome per recipient
 * @param took       time from the first byte read to the decision
 */
public record Judgement(String subject, Inspection inspection, List<Fact> facts, Decision decision, Duration took) {

    public Judgement {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(inspection, "inspection");
        facts = List.copyOf(facts);
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(took, "took");
    }
}
