package org.outward.engine;

import java.util.List;
import java.util.Objects;

/**
 * Who sends a message to whom, as the SMTP envelope says (not the headers, which the sender writes).
 *
 * @param sender     the envelope sender, empty for a null sender (a bounce)
 * @param recipients the envelope recipients
 */
public record Envelope(String sender, List<String> recipients) {

    public Envelope {
        Objects.requireNonNull(sender, "sender");
        recipients = List.copyOf(recipients);
    }
}
