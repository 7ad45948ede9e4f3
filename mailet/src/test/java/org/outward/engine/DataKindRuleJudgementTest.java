package org.outward.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outward.policy.Action;
import org.outward.policy.Fact;
import org.outward.policy.FindingKind;
import org.outward.policy.Policy;
import org.outward.policy.PolicyLoader;

/**
 * A rule that names a kind of personal data in {@code when.data}, judged as the gateway judges a message: the
 * personal-data fact carries the kinds the detector saw, by their policy words, and only a list holding the
 * named kind makes the rule fire.
 */
class DataKindRuleJudgementTest {


    @TempDir
    Path state;

    private static final String POLICY = """
            version: 1
            rules:
              - id: national-insurance-lists
                when: {finding: personal-data, data: [national-insurance-number]}
                action: block
              - id: other-lists
                when: {finding: personal-data}
                action: warn
            """;

    @Test
    void aListWithNationalInsuranceNumbersIsBlockedAndTheSameListWithPhonesIsNot() throws Exception {
        Policy policy = PolicyLoader.parse(POLICY, "data-rule.yaml");
        try (Engine engine = new Engine(state, Clock.systemUTC())) {
            Envelope envelope = new Envelope("member@party.example", List.of(ListMail.OUTSIDE));
            Judgement withNumbers = engine.judge(ListMail.csv("NI number", new String[] {"JK123456A", "CE234567B",
                    "HP345678C", "SN456789D", "WL567890A", "RT678901B"}), envelope, policy);
            Judgement withPhones = engine.judge(ListMail.csv("Phone", new String[] {"07700 900101", "07700 900102",
                    "07700 900103", "07700 900104", "07700 900105", "07700 900106"}), envelope, policy);

            assertThat(personal(withNumbers).dataKinds()).contains("national-insurance-number", "person-name");
            assertThat(withNumbers.decision().verdict()).isEqualTo(Action.BLOCK);
            assertThat(withNumbers.decision().recipients().get(0).decidedBy()).isEqualTo("national-insurance-lists");
            assertThat(personal(withPhones).dataKinds()).contains("phone").doesNotContain("national-insurance-number");
            assertThat(withPhones.decision().verdict()).isEqualTo(Action.WARN);
        }
    }

    private static Fact personal(Judgement judgement) {
        return judgement.facts().stream().filter(f -> f.kind() == FindingKind.PERSONAL_DATA).findFirst().orElseThrow();
    }
}
