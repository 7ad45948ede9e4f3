package org.outward.console;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One held mail as the console shows it: where it is held, who sent it to whom, its subject and time, and what
 * the inspection recorded (the rules that fired and the findings with redacted evidence). Never its content.
 *
 * @param repository the held-mail repository's name under {@code var/mail}, e.g. {@code outward-blocked}
 * @param key        WebAdmin's key of the mail in that repository
 * @param messageId  its Message-ID header, empty if it has none
 * @param time       when it was last changed in James (held), if WebAdmin says
 * @param verdict    the strictest action over its recipients
 */
public record HeldMail(String repository, String key, String messageId, String sender, List<String> recipients,
                       String subject, Optional<Instant> time, String verdict, List<String> rules, List<Finding> findings) {

    /**
     * One thing the inspection found, with redacted evidence only.
     *
     * @param part       where: {@code 2/canvass.xlsx}, {@code subject} or {@code body}
     * @param protection the part's protection ({@code none}, {@code strong}, ...)
     */
    public record Finding(String kind, String part, String file, String protection, int records, String evidence) {
    }

    /** Whether the search text is in its sender, a recipient or its subject (case-insensitive; blank: all). */
    public boolean matches(String search) {
        if (search == null || search.isBlank()) {
            return true;
        }
        String wanted = search.trim().toLowerCase(Locale.ROOT);
        return sender.toLowerCase(Locale.ROOT).contains(wanted) || subject.toLowerCase(Locale.ROOT).contains(wanted)
                || recipients.stream().anyMatch(r -> r.toLowerCase(Locale.ROOT).contains(wanted));
    }

    @Override
    public String toString() {
        return "HeldMail[" + repository + "/" + key + "]";
    }
}
