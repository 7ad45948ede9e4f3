package org.outward.feedback;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the gateway knew of one message when it sent the notice, kept so that its sender can report the notice as
 * wrong and an admin can judge the report: never content, only what the audit trail carries.
 *
 * @param id         the ticket's id (32 hex digits), also in the report link
 * @param secretHash the SHA-256 (hex) of the link's secret
 * @param created    when the notice was sent
 * @param expires    after this the link opens nothing
 * @param sender     the message's envelope sender, the only one the link was sent to
 * @param messageId  the message's Message-ID header, which ties it to the held mail and the audit trail
 * @param recipients each recipient the notice was about, with what happened for it
 * @param rules      the rules that fired for those recipients, in the order the policy lists them
 * @param findings   what the inspection found, with redacted evidence only
 * @param report     the sender's report, once made
 * @param resolution the admin's decision on it, once made
 */
public record ReportTicket(String id, String secretHash, Instant created, Instant expires, String sender,
                           String messageId, List<Recipient> recipients, List<String> rules, List<Finding> findings,
                           Optional<Report> report, Optional<Resolution> resolution) {

    private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");

    /** The longest comment a sender may leave with a report. */
    public static final int MAX_COMMENT = 1000;

    public ReportTicket {
        if (!isId(id)) {
            throw new IllegalArgumentException("a ticket id is 32 hex digits");
        }
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(messageId, "messageId");
        recipients = List.copyOf(recipients);
        rules = List.copyOf(rules);
        findings = List.copyOf(findings);
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(resolution, "resolution");
    }

    /** A recipient and the action taken for it ({@code block}, {@code quarantine}, {@code warn}). */
    public record Recipient(String address, String action) {
    }

    /** One finding as the summary attribute and the audit trail carry it. */
    public record Finding(String kind, String part, String file, String protection, int records, String evidence) {
    }

    /** The sender's report: when, and what they wrote (at most {@value ReportTicket#MAX_COMMENT} characters). */
    public record Report(Instant at, String comment) {
        public Report {
            Objects.requireNonNull(at, "at");
            comment = comment == null ? "" : comment;
        }
    }

    /**
     * What an admin decided.
     *
     * @param outcome {@code accepted} (turned into a policy exception) or {@code dismissed}
     */
    public record Resolution(String outcome, String by, Instant at, String reason) {
        public static final String ACCEPTED = "accepted";
        public static final String DISMISSED = "dismissed";

        public Resolution {
            if (!ACCEPTED.equals(outcome) && !DISMISSED.equals(outcome)) {
                throw new IllegalArgumentException("a resolution is accepted or dismissed");
            }
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(at, "at");
            reason = reason == null ? "" : reason;
        }
    }

    /** Whether the text has the shape of a ticket id. */
    public static boolean isId(String text) {
        return text != null && ID.matcher(text).matches();
    }

    /** Whether this token is this ticket's and the link still works at {@code now}. */
    public boolean opensWith(ReportToken token, Instant now) {
        return token.ticketId().equals(id) && token.matches(secretHash) && now.isBefore(expires);
    }

    /** The file names the findings are about, each once. */
    public List<String> files() {
        return findings.stream().map(Finding::file).filter(f -> !f.isBlank()).distinct().toList();
    }

    /** {@code open} (not reported), {@code reported}, {@code accepted} or {@code dismissed}. */
    public String state() {
        return resolution.map(Resolution::outcome).orElse(report.isPresent() ? "reported" : "open");
    }

    public ReportTicket withReport(Report made) {
        return new ReportTicket(id, secretHash, created, expires, sender, messageId, recipients, rules, findings,
                Optional.of(made), resolution);
    }

    public ReportTicket withResolution(Resolution made) {
        return new ReportTicket(id, secretHash, created, expires, sender, messageId, recipients, rules, findings,
                report, Optional.of(made));
    }

    @Override
    public String toString() {
        return "ReportTicket[" + id + ", " + state() + "]";
    }
}
