package org.outward.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.outward.protect.ProtectionLevel;

/** The default policy's decisions, recipient by recipient, as the party's guidance asks. */
class DeciderTest {

    private static Decider decider;

    @BeforeAll
    static void loadDefaultPolicy() throws Exception {
        decider = new Decider(PolicyLoaderTest.defaultPolicy());
    }

    private static Fact canvass(ProtectionLevel protection, int records) {
        return new Fact(FindingKind.SPECIAL_CATEGORY_DATA, "2/canvass.xlsx", "canvass.xlsx", protection, records, 0.9,
                records + " rows with voting intentions");
    }

    private static Fact members(ProtectionLevel protection, int records) {
        return new Fact(FindingKind.PERSONAL_DATA, "2/members.csv", "members.csv", protection, records, 0.9,
                records + " rows: names, addresses");
    }

    private static MessageFacts message(String subject, List<String> to, Fact... facts) {
        return new MessageFacts("sam.volunteer@party.example", to, subject, List.of(facts));
    }

    @Test
    void unprotectedCanvassToAnOutsideAddressIsBlocked() {
        Decision decision = decider.decide(message("Canvass returns", List.of("someone@example.org"),
                canvass(ProtectionLevel.NONE, 312), members(ProtectionLevel.NONE, 312)));

        Decision.RecipientDecision outcome = decision.recipients().get(0);
        assertThat(outcome.scope()).isEqualTo("external");
        assertThat(outcome.action()).isEqualTo(Action.BLOCK);
        assertThat(outcome.decidedBy()).isEqualTo("special-category-unprotected");
        assertThat(outcome.fired()).extracting(Decision.FiredRule::ruleId)
                .containsExactly("special-category-unprotected", "personal-data-unprotected");
        assertThat(outcome.explain()).contains("special-category-data in 2/canvass.xlsx (protection none): 312 rows");
    }

    @Test
    void strongEncryptionPasses() {
        Decision decision = decider.decide(message("Canvass returns", List.of("someone@example.org"),
                canvass(ProtectionLevel.STRONG, 312)));

        assertThat(decision.verdict()).isEqualTo(Action.PASS);
        assertThat(decision.recipients().get(0).explain()).isEqualTo("someone@example.org (external): pass, no rule fired");
    }

    @Test
    void weakEncryptionCountsAsUnprotected() {
        Decision decision = decider.decide(message("Members", List.of("someone@example.org"),
                members(ProtectionLevel.WEAK, 40)));

        assertThat(decision.verdict()).isEqualTo(Action.BLOCK);
    }

    @Test
    void internalAndOutsideRecipientsGetTheirOwnOutcome() {
        Decision decision = decider.decide(message("Members", List.of("agent@party.example", "a@branch.party.example",
                "someone@example.org"), members(ProtectionLevel.NONE, 40)));

        assertThat(decision.recipients()).extracting(Decision.RecipientDecision::scope)
                .containsExactly("internal", "internal", "external");
        assertThat(decision.recipients()).extracting(Decision.RecipientDecision::action)
                .containsExactly(Action.WARN, Action.WARN, Action.BLOCK);
        assertThat(decision.recipientsByAction().get(Action.WARN)).containsExactly("agent@party.example", "a@branch.party.example");
    }

    @Test
    void secureTagTurnsABlockIntoASecureLink() {
        Decision decision = decider.decide(message("[SECURE] Members for the printer", List.of("orders@printer.example"),
                members(ProtectionLevel.NONE, 400)));

        Decision.RecipientDecision outcome = decision.recipients().get(0);
        assertThat(outcome.scope()).isEqualTo("partner:printer");
        assertThat(outcome.action()).isEqualTo(Action.WRAP);
        assertThat(outcome.decidedBy()).isEqualTo("personal-data-secure-link");
    }

    @Test
    void aShortListBelowTheThresholdPasses() {
        Decision decision = decider.decide(message("Two contacts", List.of("someone@example.org"),
                members(ProtectionLevel.NONE, 2)));

        assertThat(decision.verdict()).isEqualTo(Action.PASS);
    }

    @Test
    void passwordIsBlockedEvenBetweenColleagues() {
        Fact password = new Fact(FindingKind.PASSWORD, "body", "", ProtectionLevel.NONE, 0, 0.95, "Password: T*****-**");

        Decision decision = decider.decide(message("the file", List.of("agent@party.example"), password));

        assertThat(decision.verdict()).isEqualTo(Action.BLOCK);
        assertThat(decision.recipients().get(0).decidedBy()).isEqualTo("password-in-message");
    }

    @Test
    void lowConfidencePasswordDoesNotFire() {
        Fact maybe = new Fact(FindingKind.PASSWORD, "body", "", ProtectionLevel.NONE, 0, 0.3, "pw: s*******");

        assertThat(decider.decide(message("hi", List.of("someone@example.org"), maybe)).verdict()).isEqualTo(Action.PASS);
    }

    @Test
    void partNotFullyInspectedIsQuarantined() {
        Fact limit = new Fact(FindingKind.LIMIT_EXCEEDED, "2/archive.zip", "archive.zip", ProtectionLevel.UNKNOWN, 0, 1,
                "expanded size over 512MB");

        assertThat(decider.decide(message("files", List.of("agent@party.example"), limit)).verdict())
                .isEqualTo(Action.QUARANTINE);
    }

    @Test
    void strictExampleLetsOnlyTheDataTeamSendLinks() throws Exception {
        Decider strict = new Decider(PolicyLoader.parse(
                PolicyLoaderTest.resource("/org/outward/policies/examples/strict-policy.yaml"), "strict"));
        Fact list = members(ProtectionLevel.NONE, 3);

        Decision fromVolunteer = strict.decide(message("list", List.of("someone@example.org"), list));
        Decision fromDataTeam = strict.decide(new MessageFacts("data.officer@party.example",
                List.of("someone@example.org"), "list", List.of(list)));

        assertThat(fromVolunteer.verdict()).isEqualTo(Action.BLOCK);
        assertThat(fromDataTeam.verdict()).isEqualTo(Action.WRAP);
        assertThat(fromDataTeam.recipients().get(0).fired()).extracting(Decision.FiredRule::ruleId)
                .containsExactly("data-team-secure-link");
    }

    @Test
    void theSenderGroupsOfASenderAreTheGroupsThatNameItsAddressOrItsDomain() throws Exception {
        Decider groups = new Decider(PolicyLoader.parse("""
                version: 1
                recipients:
                  internal-domains: [party.example]
                senders:
                  data-team: [data.officer@party.example]
                  whole-party: ["@party.example"]
                  officers: [Data.Officer@Party.Example, chair@party.example]
                rules:
                  - id: passwords
                    when: {finding: password}
                    action: block
                """, "groups"));

        assertThat(groups.senderGroupsOf("DATA.officer@party.example"))
                .containsExactly("data-team", "officers", "whole-party");
        assertThat(groups.senderGroupsOf("sam.volunteer@party.example")).containsExactly("whole-party");
        assertThat(groups.senderGroupsOf("someone@example.org")).isEmpty();
        assertThat(groups.senderGroupsOf("")).isEmpty();
    }

    /** The membership example: a list carrying the party's own membership numbers never leaves the party. */
    private static Decider membershipExample() throws Exception {
        return new Decider(PolicyLoader.parse(PolicyLoaderTest.resource(
                "/org/outward/policies/examples/membership-numbers-policy.yaml"), "membership"));
    }

    private static Fact list(FindingKind kind, int records, String... dataKinds) {
        return new Fact(kind, "2/mailing.csv", "mailing.csv", ProtectionLevel.NONE, records, 0.9,
                records + " records", List.of(), List.of(dataKinds));
    }

    @Test
    void aListWithTheDeclaredKindIsBlockedEvenToThePartnerThatMayHaveLists() throws Exception {
        Decision decision = membershipExample().decide(message("Mailing", List.of("orders@mailing-house.example"),
                list(FindingKind.PERSONAL_DATA, 40, "person-name", "party-membership-number", "street-address")));

        Decision.RecipientDecision outcome = decision.recipients().get(0);
        assertThat(outcome.action()).isEqualTo(Action.BLOCK);
        assertThat(outcome.decidedBy()).isEqualTo("membership-numbers-stay-inside");
    }

    @Test
    void aListWithoutTheDeclaredKindGoesToThePartnerWithAReminder() throws Exception {
        Decision decision = membershipExample().decide(message("Mailing", List.of("orders@mailing-house.example"),
                list(FindingKind.PERSONAL_DATA, 40, "person-name", "membership-number", "street-address")));

        Decision.RecipientDecision outcome = decision.recipients().get(0);
        assertThat(outcome.action()).as("the built-in membership-number kind is another kind").isEqualTo(Action.WARN);
        assertThat(outcome.fired()).extracting(Decision.FiredRule::ruleId).containsExactly("mailing-house-lists");
    }

    @Test
    void aDataConditionStillNeedsTheListThreshold() throws Exception {
        Decision decision = membershipExample().decide(message("My card", List.of("orders@mailing-house.example"),
                list(FindingKind.PERSONAL_DATA, 1, "person-name", "party-membership-number")));

        assertThat(decision.verdict()).isEqualTo(Action.PASS);
    }

    @Test
    void aDataConditionFiresOnAnyOfTheKindsItNamesAndOnSpecialCategoryFacts() throws Exception {
        Decider decider = new Decider(PolicyLoader.parse("""
                version: 1
                identifiers:
                  - name: case-reference
                    description: Casework references
                    pattern: '\\bCW-[0-9]{6}\\b'
                rules:
                  - id: identity-numbers
                    when: {finding: special-category-data, data: [case-reference, national-insurance-number]}
                    action: quarantine
                """, "any-of.yaml"));

        assertThat(decider.decide(message("cases", List.of("a@example.org"),
                list(FindingKind.SPECIAL_CATEGORY_DATA, 3, "national-insurance-number"))).verdict())
                .isEqualTo(Action.QUARANTINE);
        assertThat(decider.decide(message("cases", List.of("a@example.org"),
                list(FindingKind.SPECIAL_CATEGORY_DATA, 3, "case-reference", "phone"))).verdict())
                .isEqualTo(Action.QUARANTINE);
        assertThat(decider.decide(message("cases", List.of("a@example.org"),
                list(FindingKind.SPECIAL_CATEGORY_DATA, 3, "phone", "person-name"))).verdict())
                .isEqualTo(Action.PASS);
        assertThat(decider.decide(message("cases", List.of("a@example.org"),
                list(FindingKind.PERSONAL_DATA, 3, "case-reference"))).verdict())
                .as("the rule is about special category data").isEqualTo(Action.PASS);
    }
}
