package org.outward.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outward.policy.Action;
import org.outward.policy.Fact;
import org.outward.policy.FindingKind;
import org.outward.policy.Policy;
import org.outward.policy.PolicyLoader;

/**
 * An identifier the policy declares is found by the engine as a built-in one is: in a column under its header
 * words, in running text near its context words, counted in records, and named in the finding's kinds for a
 * rule's {@code when.data}. Values that fail its check digit are not it, and a reloaded policy's identifiers
 * take effect in the same engine.
 */
class CustomIdentifierJudgementTest {

    private static final Envelope ENVELOPE = new Envelope("member@party.example", List.of(ListMail.OUTSIDE));

    /** PM, six serial digits and a Luhn check digit. */
    private static final String[] VALID = {"PM1234566", "PM2345676", "PM3456787", "PM4567897", "PM5678909",
            "PM6789010"};

    @TempDir
    Path state;

    private static String policy(String pattern) {
        return """
                version: 1
                identifiers:
                  - name: party-membership-number
                    description: the party's membership numbers
                    pattern: '%s'
                    validator: luhn
                    context-words: [membership]
                    header-words: ["membership no"]
                rules:
                  - id: membership-lists
                    when: {finding: personal-data, data: [party-membership-number]}
                    action: block
                  - id: other-lists
                    when: {finding: personal-data}
                    action: warn
                """.formatted(pattern);
    }

    @Test
    void aColumnOfDeclaredNumbersUnderItsHeaderIsThatKindAndTheRuleNamingItBlocks() throws Exception {
        Policy policy = PolicyLoader.parse(policy("\\bPM[0-9]{7}\\b"), "custom.yaml");
        try (Engine engine = new Engine(state, Clock.systemUTC())) {
            Judgement judgement = engine.judge(ListMail.csv("Membership no", VALID), ENVELOPE, policy);

            assertThat(personal(judgement).orElseThrow().dataKinds()).contains("party-membership-number");
            assertThat(judgement.decision().verdict()).isEqualTo(Action.BLOCK);
            assertThat(judgement.decision().recipients().get(0).decidedBy()).isEqualTo("membership-lists");
        }
    }

    @Test
    void numbersFailingTheCheckDigitAreNotTheDeclaredKind() throws Exception {
        Policy policy = PolicyLoader.parse(policy("\\bPM[0-9]{7}\\b"), "custom.yaml");
        String[] wrongCheck = new String[VALID.length];
        for (int i = 0; i < VALID.length; i++) {
            char last = VALID[i].charAt(8);
            wrongCheck[i] = VALID[i].substring(0, 8) + (char) ('0' + (last - '0' + 1) % 10);
        }
        try (Engine engine = new Engine(state, Clock.systemUTC())) {
            Judgement judgement = engine.judge(ListMail.csv("Membership no", wrongCheck), ENVELOPE, policy);

            assertThat(personal(judgement).map(Fact::dataKinds).orElse(List.of()))
                    .doesNotContain("party-membership-number");
            assertThat(judgement.decision().verdict()).isNotEqualTo(Action.BLOCK);
        }
    }

    @Test
    void declaredNumbersInRunningTextNearTheirContextWordAreFound() throws Exception {
        Policy policy = PolicyLoader.parse(policy("PM[0-9]{7}"), "custom.yaml");
        StringBuilder body = new StringBuilder("Renewals due this month:\r\n");
        for (int i = 0; i < ListMail.NAMES.length; i++) {
            body.append(ListMail.NAMES[i]).append(" - membership ").append(VALID[i]).append(" - SY23 ").append(i + 1)
                    .append("AB\r\n");
        }
        try (Engine engine = new Engine(state, Clock.systemUTC())) {
            Judgement judgement = engine.judge(ListMail.plain(body.toString()), ENVELOPE, policy);

            assertThat(personal(judgement).orElseThrow().dataKinds()).contains("party-membership-number");
            assertThat(judgement.decision().verdict()).isEqualTo(Action.BLOCK);
        }
    }

    @Test
    void aReloadedPolicysIdentifiersTakeEffectInTheSameEngine() throws Exception {
        Policy without = PolicyLoader.parse("""
                version: 1
                rules:
                  - id: other-lists
                    when: {finding: personal-data}
                    action: warn
                """, "plain.yaml");
        Policy with = PolicyLoader.parse(policy("\\bPM[0-9]{7}\\b"), "custom.yaml");
        try (Engine engine = new Engine(state, Clock.systemUTC())) {
            Judgement before = engine.judge(ListMail.csv("Membership no", VALID), ENVELOPE, without);
            Judgement after = engine.judge(ListMail.csv("Membership no", VALID), ENVELOPE, with);
            Judgement back = engine.judge(ListMail.csv("Membership no", VALID), ENVELOPE, without);

            assertThat(personal(before).map(Fact::dataKinds).orElse(List.of()))
                    .doesNotContain("party-membership-number");
            assertThat(personal(after).orElseThrow().dataKinds()).contains("party-membership-number");
            assertThat(personal(back).map(Fact::dataKinds).orElse(List.of()))
                    .doesNotContain("party-membership-number");
        }
    }

    private static Optional<Fact> personal(Judgement judgement) {
        return judgement.facts().stream().filter(f -> f.kind() == FindingKind.PERSONAL_DATA).findFirst();
    }
}
