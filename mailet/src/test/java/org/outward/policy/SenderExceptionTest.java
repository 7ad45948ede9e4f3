package org.outward.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A sender exception written into a policy's text: the rules named stop firing for that one sender and no other,
 * everything else in the file (comments included) stays, and the result is a policy the gateway loads.
 */
class SenderExceptionTest {

    private static String defaultPolicy() throws Exception {
        try (InputStream in = SenderExceptionTest.class.getResourceAsStream("/org/outward/policies/default-policy.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> added(String before, String after) {
        List<String> old = before.lines().toList();
        return after.lines().filter(line -> !old.contains(line)).toList();
    }

    @Test
    void theDefaultPolicyGetsAGroupAndTwoExceptionsAndNothingElse() throws Exception {
        String before = defaultPolicy();

        String after = SenderException.apply(before, "<test>",
                List.of("special-category-unprotected", "personal-data-unprotected"), "sam.volunteer@party.example",
                "report-0123456789ab");

        assertThat(added(before, after)).containsExactly("  report-0123456789ab: ['sam.volunteer@party.example']",
                "    except-senders: [report-0123456789ab]", "    except-senders: [report-0123456789ab]");
        assertThat(after.lines().toList()).containsAll(before.lines().toList());
        Policy policy = PolicyLoader.parse(after, "<test>");
        assertThat(policy.senderGroups().get("report-0123456789ab")).containsExactly("sam.volunteer@party.example");
        assertThat(policy.rules()).filteredOn(r -> !r.exceptSenders().isEmpty()).extracting(Policy.Rule::id)
                .containsExactly("special-category-unprotected", "personal-data-unprotected");
    }

    @Test
    void theExceptionIsForThatSenderOnly() throws Exception {
        String after = SenderException.apply(defaultPolicy(), "<test>", List.of("personal-data-unprotected"),
                "sam.volunteer@party.example", "report-1");
        Decider decider = new Decider(PolicyLoader.parse(after, "<test>"));
        Fact list = new Fact(FindingKind.PERSONAL_DATA, "2/list.csv", "list.csv",
                org.outward.protect.ProtectionLevel.NONE, 40, 0.9, "40 records");

        assertThat(decider.decide(new MessageFacts("sam.volunteer@party.example", List.of("a@example.org"), "list",
                List.of(list))).verdict()).isEqualTo(Action.PASS);
        assertThat(decider.decide(new MessageFacts("other@party.example", List.of("a@example.org"), "list",
                List.of(list))).verdict()).isEqualTo(Action.BLOCK);
    }

    @Test
    void existingExceptionsInEveryLayoutGetTheGroupAdded() throws Exception {
        String policy = """
                version: 1
                recipients: {internal-domains: [party.example]}
                senders:
                  data-team: [d@party.example]   # the data team
                  office: ['@office.party.example']
                rules:
                  - id: flow
                    when: {finding: personal-data}
                    except-senders: [data-team]
                    action: block
                  - id: block-list
                    when:
                      finding: password
                    except-senders:
                      - data-team
                    action: block
                  - id: empty
                    when: {finding: weak-protection}
                    except-senders: []
                    action: warn
                  - id: last
                    description: |
                      A block scalar at the end of the file
                    when: {finding: disguised-file}
                    action: quarantine""";

        String after = SenderException.apply(policy, "<test>", List.of("flow", "block-list", "empty", "last"),
                "o'brien@party.example", "report-2");

        assertThat(after).contains("  data-team: [d@party.example]   # the data team\n  office: ['@office.party.example']\n"
                        + "  report-2: ['o''brien@party.example']\n")
                .contains("except-senders: [data-team, report-2]")
                .contains("      - data-team\n      - report-2\n")
                .contains("except-senders: [report-2]\n    action: warn")
                .endsWith("    action: quarantine\n    except-senders: [report-2]\n");
        Policy loaded = PolicyLoader.parse(after, "<test>");
        assertThat(loaded.senderGroups().get("report-2")).containsExactly("o'brien@party.example");
        assertThat(loaded.rules()).allSatisfy(r -> assertThat(r.exceptSenders()).contains("report-2"));
    }

    @Test
    void aPolicyWithoutSendersGetsTheSection() throws Exception {
        String policy = "version: 1\nrecipients: {internal-domains: [party.example]}\nrules:\n"
                + "  - id: r\n    when: {finding: password}\n    action: block\n";

        String after = SenderException.apply(policy, "<test>", List.of("r"), "sam@party.example", "report-3");

        assertThat(PolicyLoader.parse(after, "<test>").rules().get(0).exceptSenders()).containsExactly("report-3");
        assertThat(after).contains("senders:\n  report-3: ['sam@party.example']\n\nrules:");
    }

    @Test
    void anUnknownRuleOrATakenGroupNameChangesNothing() throws Exception {
        assertThatThrownBy(() -> SenderException.apply(defaultPolicy(), "<test>", List.of("no-such-rule"),
                "sam@party.example", "report-4")).isInstanceOf(InvalidPolicyException.class)
                .hasMessageContaining("no rule 'no-such-rule'");
        assertThatThrownBy(() -> SenderException.apply(defaultPolicy(), "<test>", List.of("password-in-message"),
                "sam@party.example", "data-team")).isInstanceOf(InvalidPolicyException.class);
    }
}
