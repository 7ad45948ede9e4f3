package org.outward.policy;

import java.util.List;
import java.util.Objects;

/**
 * What the policy needs to know about one message: who sends it to whom, its subject (for the secure tag),
 * and the facts found in it.
 *
 * @param sender     the envelope sender, empty for a null sender
 * @param recipients the envelope recipients
 * @param subject    the decoded subject, empty if none
 * @param facts      every fact found, in part order
 */
public record MessageFacts(String sender, List<String> recipients, String subject, List<Fact> facts) {

    public MessageFacts {
        Objects.requireNonNull(sender, "sender");
        recipients = List.copyOf(recipients);
        Objects.requireNonNull(subject, "subject");
        facts = List.copyOf(facts);
    }
}
