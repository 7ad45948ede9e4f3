package org.outward.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.outward.audit.AuditEvent;
import org.outward.audit.AuditKind;
import org.outward.audit.AuditTrail;
import org.outward.audit.HeldMailRef;
import org.outward.portal.TestClock;

/**
 * Writes an audit file as the gateway does, through {@link AuditTrail}, at the times the test chooses: decisions
 * with the fields the gateway's decisions have, and admin actions.
 */
final class TrailWriter {

    private final Path file;
    private final TestClock clock = new TestClock(Instant.EPOCH);
    private final AuditTrail trail;

    TrailWriter(Path file) {
        this.file = file;
        this.trail = new AuditTrail(clock, "gw-1", this::append);
    }

    /**
     * A message judged at this time.
     *
     * @param groups the sender's groups; null for a line as gateways wrote it before decisions named them
     * @param rules  the rules that fired (for the one recipient)
     */
    void decision(String at, String sender, List<String> groups, String verdict, String... rules) {
        clock.advance(java.time.Duration.between(clock.instant(), Instant.parse(at)));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("messageId", "<" + at + "@party.example>");
        fields.put("sender", sender);
        if (groups != null) {
            fields.put("senderGroups", groups);
        }
        fields.put("verdict", verdict);
        fields.put("recipients", List.of(Map.of("address", "alex.agent@example.org", "scope", "external",
                "action", verdict, "decidedBy", rules.length == 0 ? "" : rules[0], "rules", List.of(rules))));
        List<Object> findings = new ArrayList<>();
        if (rules.length > 0) {
            findings.add(Map.of("kind", "personal-data", "part", "2/canvass.csv", "protection", "none", "records", 27,
                    "evidence", "27 records: person name (e.g. R***** P*******)"));
        }
        fields.put("findings", findings);
        fields.put("ms", 12.5);
        trail.record(AuditKind.DECISION, AuditEvent.GATEWAY, fields);
    }

    void release(String at, String admin) {
        clock.advance(java.time.Duration.between(clock.instant(), Instant.parse(at)));
        trail.release(admin, new HeldMailRef("file://var/mail/outward-blocked/", "k1", "<m@party.example>"), "checked");
    }

    /** A line that is not an audit event, as a crash leaves one. */
    void broken() {
        append("{\"v\":1,\"time\":\"2026-12-0");
    }

    private void append(String line) {
        try {
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
