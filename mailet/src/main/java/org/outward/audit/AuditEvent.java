package org.outward.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One audit event, as one line of the trail holds it.
 *
 * @param id     unique and stable: the same event keeps its id wherever the line is copied (a SIEM's key)
 * @param time   when, to the millisecond
 * @param node   the gateway or console node that wrote it
 * @param kind   what happened
 * @param actor  who did it: {@value #GATEWAY} for the gateway's own decisions, an admin's user name, or
 *               {@value #RECIPIENT}
 * @param fields the event's own fields, in order: strings, numbers, booleans, and lists and maps of them; never
 *               content, only redacted evidence
 */
public record AuditEvent(String id, Instant time, String node, AuditKind kind, String actor, Map<String, Object> fields) {

    /** The actor of what the gateway does by itself. */
    public static final String GATEWAY = "gateway";
    /** The actor of what a secure link's recipient does. */
    public static final String RECIPIENT = "recipient";

    /** The envelope's field names, which an event's own fields may not reuse. */
    public static final Set<String> ENVELOPE = Set.of("v", "time", "node", "id", "event", "actor");

    public AuditEvent {
        Objects.requireNonNull(id, "id");
        time = Objects.requireNonNull(time, "time").truncatedTo(ChronoUnit.MILLIS);
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(actor, "actor");
        for (String name : fields.keySet()) {
            if (ENVELOPE.contains(name)) {
                throw new IllegalArgumentException("'" + name + "' is an envelope field of every audit line");
            }
        }
        fields = frozenMap(fields);
    }

    /** A field's text, if the event has it as a string. */
    public Optional<String> text(String name) {
        return fields.get(name) instanceof String text ? Optional.of(text) : Optional.empty();
    }

    private static Map<String, Object> frozenMap(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((name, value) -> copy.put((String) Objects.requireNonNull(name, "field name"), frozen(value)));
        return Collections.unmodifiableMap(copy);
    }

    private static Object frozen(Object value) {
        if (value instanceof String || value instanceof Boolean || value instanceof Integer || value instanceof Long
                || value instanceof Double) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            return frozenMap(map);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(frozen(item)));
            return Collections.unmodifiableList(copy);
        }
        throw new IllegalArgumentException("an audit field is a string, a whole number, a double, a boolean, or a "
                + "list or map of them, not " + (value == null ? "null" : value.getClass().getSimpleName()));
    }
}
