package org.outward.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An audit event as its one line of JSON, and back. The envelope comes first ({@code v}, {@code time}, {@code node},
 * {@code id}, {@code event}, {@code actor}), then the event's fields.
 *
 * <p>Every character outside printable ASCII is written as a {@code \\uXXXX} escape (Jackson's
 * {@code ESCAPE_NON_ASCII}): control characters and line breaks are escaped by JSON anyway, and this also covers
 * the Unicode line and paragraph separators and NEL that some log readers split on. A value a sender chose (a
 * subject, an address, a file name) therefore never ends the line nor begins one of its own.
 */
public final class AuditLine {

    /** The version of the line's format; a change that a reader must know about raises it. */
    public static final int VERSION = 1;

    /** Always three digits of milliseconds, so that the lines of one day sort by time as text. */
    static final DateTimeFormatter TIME = new DateTimeFormatterBuilder().appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .appendFraction(ChronoField.MILLI_OF_SECOND, 3, 3, true).appendLiteral('Z').toFormatter()
            .withZone(java.time.ZoneOffset.UTC);

    /** The start of every line: the version, then the time. */
    private static final Pattern START = Pattern.compile("\\{\"v\":\\d{1,9},\"time\":\"([0-9T:.Z-]{20,30})\"");

    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private AuditLine() {
    }

    /** The event's line, without a line end. */
    public static String format(AuditEvent event) {
        ObjectNode line = JSON.createObjectNode();
        line.put("v", VERSION);
        line.put("time", TIME.format(event.time()));
        line.put("node", event.node());
        line.put("id", event.id());
        line.put("event", event.kind().word());
        line.put("actor", event.actor());
        line.setAll((ObjectNode) JSON.valueToTree(event.fields()));
        try {
            return JSON.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e); // a tree of strings, numbers and booleans always writes
        }
    }

    /**
     * The time of a line as this class writes it (the envelope's {@code time}, right after {@code v}), read without
     * parsing the line as JSON, so that a reader can pass over lines outside its window cheaply; empty when the line
     * does not begin that way. It does not check the rest of the line: {@link #parse} does.
     */
    public static Optional<Instant> timeOf(String line) {
        Matcher start = START.matcher(line);
        if (!start.lookingAt()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(start.group(1)));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * The event a line holds.
     *
     * @throws IllegalArgumentException when the line is not an audit line of a known kind
     */
    public static AuditEvent parse(String line) {
        JsonNode tree;
        try {
            tree = JSON.readTree(line);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON");
        }
        if (tree == null || !tree.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        AuditKind kind = AuditKind.fromWord(tree.path("event").asText())
                .orElseThrow(() -> new IllegalArgumentException("no known event kind"));
        Map<String, Object> fields = new LinkedHashMap<>(JSON.convertValue(tree, new TypeReference<Map<String, Object>>() {
        }));
        AuditEvent.ENVELOPE.forEach(fields::remove);
        Instant time;
        try {
            time = Instant.parse(tree.path("time").asText());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("no time");
        }
        return new AuditEvent(tree.path("id").asText(), time, tree.path("node").asText(), kind,
                tree.path("actor").asText(), fields);
    }
}
