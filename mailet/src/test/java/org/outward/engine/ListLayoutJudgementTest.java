package org.outward.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outward.policy.Action;
import org.outward.policy.Fact;
import org.outward.policy.FindingKind;
import org.outward.policy.Policy;
import org.outward.policy.PolicyLoader;

/**
 * A list of thirty people pasted into a body, each line a name, a street address, a postcode and a mobile
 * joined by dashes (the layout the table sniffer used to miss), judged as the gateway judges it: the walk,
 * extraction, detection and the default policy. It is a list for an outside recipient and a reminder for a
 * colleague, and counts thirty records as the same lines joined by commas do.
 */
class ListLayoutJudgementTest {

    private static final String OUTSIDE = "printer@elsewhere.example";
    private static final String COLLEAGUE = "agent@party.example";

    @TempDir
    Path state;

    @Test
    void dashJoinedListInABodyIsBlockedForAnOutsideRecipient() throws Exception {
        Policy policy = PolicyLoader.parse(new String(Objects.requireNonNull(getClass().getResourceAsStream(
                "/org/outward/policies/default-policy.yaml")).readAllBytes(), StandardCharsets.UTF_8), "default");
        try (Engine engine = new Engine(state, Clock.systemUTC())) {
            Envelope envelope = new Envelope("member@party.example", List.of(OUTSIDE, COLLEAGUE));
            Judgement dashes = engine.judge(message(" - ", ", ", " - "), envelope, policy);
            Judgement commas = engine.judge(message(", ", ", ", ", "), envelope, policy);

            Map<Action, List<String>> byAction = dashes.decision().recipientsByAction();
            assertThat(byAction.get(Action.BLOCK)).containsExactly(OUTSIDE);
            assertThat(byAction.get(Action.WARN)).containsExactly(COLLEAGUE);
            assertThat(records(dashes)).isEqualTo(30).isEqualTo(records(commas));
        }
    }

    private static int records(Judgement judgement) {
        return judgement.facts().stream().filter(f -> f.kind() == FindingKind.PERSONAL_DATA)
                .mapToInt(Fact::records).sum();
    }

    /** A plain-text message of thirty lines: name, street, postcode and mobile with the separators given. */
    private static byte[] message(String afterName, String afterStreet, String afterPostcode) {
        String[] given = {"Aneurin", "Bethan", "Cai", "Delyth", "Elis", "Ffion"};
        String[] family = {"Trevanion", "Quellyn", "Penwarden", "Cadwgan", "Marrack"};
        String[] streets = {"Heol y Felin", "Tanners Lane", "Ffordd Derwen", "Kiln Road", "Stryd y Bont"};
        StringBuilder body = new StringBuilder("Hi,\r\n\r\nHere is the call-back list from Saturday:\r\n\r\n");
        for (int i = 0; i < 30; i++) {
            body.append(given[i % given.length]).append(' ').append(family[i / given.length]).append(afterName)
                    .append(i + 2).append(' ').append(streets[i % streets.length]).append(afterStreet)
                    .append("SY23 ").append(i % 9 + 1).append("AB").append(afterPostcode)
                    .append(String.format("07700 900%03d", 100 + i)).append("\r\n");
        }
        body.append("\r\nThanks\r\n");
        return ("From: member@party.example\r\nTo: " + OUTSIDE + ", " + COLLEAGUE + "\r\nSubject: call backs\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + body)
                .getBytes(StandardCharsets.UTF_8);
    }
}
