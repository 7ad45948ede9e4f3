package org.outward.audit;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes audit events, one line each, on the logger {@value #LOGGER} (the deployment's logback configuration sends
 * that logger to a file of its own). Each event gets its time from the clock, this node's name ({@link NodeName})
 * and a random UUID as its id, which the JDK makes from a strong random source, so ids of several nodes never
 * collide.
 *
 * <p>The gateway, the portal and the admin console all write through {@link #toLog()}. The admin actions have a
 * method each, so that their fields are the same whoever writes them; {@link #record} writes any kind.
 *
 * <pre>{@code
 * AuditTrail audit = AuditTrail.toLog();
 * audit.signIn("dpo", true, "password+totp");
 * audit.release("dpo", new HeldMailRef("file://var/mail/outward-quarantine/", key, messageId), "sent to the printer");
 * }</pre>
 */
public final class AuditTrail {

    public static final String LOGGER = "org.outward.audit";

    /** The longest reason an admin's note keeps; the rest is cut, so a pasted document cannot bloat the trail. */
    static final int MAX_REASON = 500;

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    private static final AuditTrail TO_LOG = new AuditTrail(Clock.systemUTC(), NodeName.ofThisNode(), LOG::info);

    private final Clock clock;
    private final String node;
    private final Consumer<String> sink;

    /**
     * A trail that hands each line to {@code sink}; for tests and tools. The gateway uses {@link #toLog()}.
     */
    public AuditTrail(Clock clock, String node, Consumer<String> sink) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.node = Objects.requireNonNull(node, "node");
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** This node's trail, on the logger {@value #LOGGER}. */
    public static AuditTrail toLog() {
        return TO_LOG;
    }

    /** Whether lines are written at all; a caller can skip building an event's fields when not. */
    public boolean enabled() {
        return this != TO_LOG || LOG.isInfoEnabled();
    }

    /** Writes one event of any kind; answers it, with its id. */
    public AuditEvent record(AuditKind kind, String actor, Map<String, ?> fields) {
        AuditEvent event = new AuditEvent(UUID.randomUUID().toString(), clock.instant(), node, kind, actor,
                new LinkedHashMap<>(fields));
        if (enabled()) {
            sink.accept(AuditLine.format(event));
        }
        return event;
    }

    /**
     * A sign-in to the console. For a failure, pass as {@code user} only the name of an account that exists, and
     * {@code "unknown"} otherwise: people type their password into the name field, and it must not reach the trail.
     *
     * @param method how they proved who they are, e.g. {@code password+totp}, {@code oidc:entra}
     */
    public AuditEvent signIn(String user, boolean succeeded, String method) {
        return record(AuditKind.SIGN_IN, user, Map.of("outcome", succeeded ? "success" : "failure", "method", method));
    }

    /** Held mail released to go on its way. */
    public AuditEvent release(String admin, HeldMailRef mail, String reason) {
        return record(AuditKind.RELEASE, admin, held(mail, reason));
    }

    /** Held mail deleted by an admin (retention's deletions are {@link AuditKind#EXPIRED}). */
    public AuditEvent delete(String admin, HeldMailRef mail, String reason) {
        return record(AuditKind.DELETE, admin, held(mail, reason));
    }

    /**
     * A secure link revoked.
     *
     * @param item      the vault item's id
     * @param messageId the Message-ID of the mail the link was made from, empty if not known
     */
    public AuditEvent revoke(String admin, String item, String messageId, String reason) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("item", item);
        fields.put("messageId", messageId == null ? "" : messageId);
        fields.put("reason", reason(reason));
        return record(AuditKind.REVOKE, admin, fields);
    }

    /** Expired and revoked secure links purged from the vault. */
    public AuditEvent purge(String admin, int items) {
        return record(AuditKind.PURGE, admin, Map.of("items", items));
    }

    /**
     * A policy put in force: at start-up ({@code loaded}), after an edit ({@code reloaded}), or an edited file that
     * could not be used ({@code rejected}, the last good policy staying in force).
     *
     * @param sha256 the SHA-256 of the file's bytes, in hex
     */
    public AuditEvent policyChange(String actor, String file, String sha256, String outcome, int rules) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("file", file);
        fields.put("sha256", sha256);
        fields.put("outcome", outcome);
        fields.put("rules", rules);
        return record(AuditKind.POLICY_CHANGE, actor, fields);
    }

    /**
     * A policy file changed by an admin in the console to settle a false-positive report: outcome {@code edited},
     * and the report's id (the gateway then writes {@code reloaded} when it puts the file in force).
     */
    public AuditEvent policyEdited(String admin, String file, String sha256, int rules, String report) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("file", file);
        fields.put("sha256", sha256);
        fields.put("outcome", "edited");
        fields.put("rules", rules);
        fields.put("report", report);
        return record(AuditKind.POLICY_CHANGE, admin, fields);
    }

    /**
     * A sender reported a notice as wrong (actor {@code sender}). Whether they left a comment, never the comment:
     * it is their own words and may hold anything.
     *
     * @param report    the report ticket's id
     * @param messageId the Message-ID of the message the notice was about
     * @param rules     the rules that fired for it
     */
    public AuditEvent report(String sender, String report, String messageId, java.util.List<String> rules,
                             boolean commented) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("report", report);
        fields.put("messageId", messageId);
        fields.put("sender", sender);
        fields.put("rules", java.util.List.copyOf(rules));
        fields.put("commented", commented);
        return record(AuditKind.REPORT, "sender", fields);
    }

    /** An admin decided a reported notice was right: no policy change. */
    public AuditEvent reportDismissed(String admin, String report, String messageId, String reason) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("report", report);
        fields.put("messageId", messageId);
        fields.put("reason", reason(reason));
        return record(AuditKind.REPORT_DISMISSED, admin, fields);
    }

    /**
     * Figures that name people taken out of the console as a file, e.g. the statistics CSV with its senders.
     *
     * @param what    which download, e.g. {@code statistics}
     * @param from    the first day of the period, ISO
     * @param to      the last day of the period, ISO
     * @param senders how many sender addresses the file holds (never the addresses)
     */
    public AuditEvent export(String admin, String what, String from, String to, int senders) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("what", what);
        fields.put("from", from);
        fields.put("to", to);
        fields.put("senders", senders);
        return record(AuditKind.EXPORT, admin, fields);
    }

    private static Map<String, Object> held(HeldMailRef mail, String reason) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("repository", mail.repository());
        fields.put("mailKey", mail.mailKey());
        fields.put("messageId", mail.messageId());
        fields.put("reason", reason(reason));
        return fields;
    }

    private static String reason(String reason) {
        String text = reason == null ? "" : reason.strip();
        return text.codePointCount(0, text.length()) <= MAX_REASON ? text
                : text.substring(0, text.offsetByCodePoints(0, MAX_REASON));
    }
}
