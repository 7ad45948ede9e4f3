package org.outward.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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

    private static final String OUTSIDE = "caseworker@elsewhere.example";

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
            Envelope envelope = new Envelope("member@party.example", List.of(OUTSIDE));
            Judgement withNumbers = engine.judge(message("NI number", new String[] {"JK123456A", "CE234567B",
                    "HP345678C", "SN456789D", "WL567890A", "RT678901B"}), envelope, policy);
            Judgement withPhones = engine.judge(message("Phone", new String[] {"07700 900101", "07700 900102",
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

    /** A message with a CSV of six people: name, postcode and one more column. */
    private static byte[] message(String header, String[] values) {
        String[] names = {"Aneurin Trevanion", "Bethan Quellyn", "Cai Penwarden", "Delyth Cadwgan", "Elis Marrack",
                "Ffion Tregenna"};
        StringBuilder csv = new StringBuilder("Name,Postcode," + header + "\r\n");
        for (int i = 0; i < names.length; i++) {
            csv.append(names[i]).append(",SY23 ").append(i + 1).append("AB,").append(values[i]).append("\r\n");
        }
        return ("From: member@party.example\r\nTo: " + OUTSIDE + "\r\nSubject: the list\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nAttached.\r\n"
                + "--b\r\nContent-Type: text/csv; name=list.csv\r\nContent-Disposition: attachment; filename=list.csv\r\n\r\n"
                + csv + "--b--\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
