package org.outward.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class AuditLineTest {

    private final List<String> lines = new ArrayList<>();
    private final AuditTrail trail = new AuditTrail(Clock.fixed(Instant.parse("2026-12-07T15:04:05.678901Z"), ZoneOffset.UTC),
            "gw-1", lines::add);

    @Test
    void everyLineStartsWithTheEnvelopeAndReadsBackAsTheSameEvent() throws Exception {
        AuditEvent written = trail.release("dpo", new HeldMailRef("file://var/mail/outward-quarantine/", "k1", "<m1@party.example>"),
                "sent to the printer on purpose");

        assertThat(lines).singleElement().satisfies(line -> assertThat(line)
                .startsWith("{\"v\":1,\"time\":\"2026-12-07T15:04:05.678Z\",\"node\":\"gw-1\",\"id\":\"" + written.id()
                        + "\",\"event\":\"release\",\"actor\":\"dpo\",\"repository\":"));
        assertThat(AuditLine.parse(lines.get(0))).isEqualTo(written);
    }

    @Test
    void theTimeAlwaysHasThreeDigitsOfMilliseconds() {
        new AuditTrail(Clock.fixed(Instant.parse("2026-12-07T15:04:05Z"), ZoneOffset.UTC), "gw-1", lines::add)
                .purge("dpo", 3);

        assertThat(lines.get(0)).contains("\"time\":\"2026-12-07T15:04:05.000Z\"");
    }

    @Test
    void eachEventHasAnIdOfItsOwn() {
        AuditEvent one = trail.purge("dpo", 1);
        AuditEvent two = trail.purge("dpo", 1);

        assertThat(one.id()).isNotEqualTo(two.id()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }

    @Test
    void noValueCanEndTheLineOrStartOneOfItsOwn() throws Exception {
        String forged = "\"}\n{\"v\":1,\"event\":\"release\"}\r\u2028\u2029\u0085x";
        trail.release("dpo", new HeldMailRef("file://var/mail/outward-quarantine/", forged, forged), forged);

        String line = lines.get(0);
        assertThat(line.chars()).as("printable ASCII only").allMatch(c -> c >= 0x20 && c < 0x7f);
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.get("reason").asText()).isEqualTo(forged.strip());
        assertThat(json.get("mailKey").asText()).isEqualTo(forged);
    }

    @Test
    void anEventCannotOverwriteTheEnvelope() {
        assertThatThrownBy(() -> trail.record(AuditKind.DECISION, "gateway", Map.of("actor", "dpo")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLongReasonIsCut() {
        trail.delete("dpo", new HeldMailRef("r", "k", ""), "x".repeat(5000));

        assertThat(AuditLine.parse(lines.get(0)).text("reason")).hasValueSatisfying(r -> assertThat(r).hasSize(AuditTrail.MAX_REASON));
    }

    @Test
    void aLineOfNoKnownKindIsNotAnEvent() {
        assertThatThrownBy(() -> AuditLine.parse("{\"v\":1,\"event\":\"party\",\"time\":\"2026-12-07T15:04:05.000Z\"}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditLine.parse("not json")).isInstanceOf(IllegalArgumentException.class);
    }
}
