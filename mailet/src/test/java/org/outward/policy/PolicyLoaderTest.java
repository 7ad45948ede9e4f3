package org.outward.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.outward.detect.personal.CheckDigit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PolicyLoaderTest {

    @TempDir
    Path temp;

    static String resource(String path) throws IOException {
        try (InputStream in = PolicyLoaderTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Policy defaultPolicy() throws Exception {
        return PolicyLoader.parse(resource("/org/outward/policies/default-policy.yaml"), "default-policy.yaml");
    }

    @Test
    void defaultPolicyLoadsWithTheGuidanceRules() throws Exception {
        Policy policy = defaultPolicy();

        assertThat(policy.inspectionFailure()).isEqualTo(Action.QUARANTINE);
        assertThat(policy.secureTag()).isEqualTo("[secure]");
        assertThat(policy.detection().correlationWindow()).isEqualTo(Duration.ofDays(7));
        assertThat(policy.limits().maxTotalExpandedBytes()).isEqualTo(256L * 1024 * 1024);
        assertThat(policy.limits().timePerPart()).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.recipients().internalDomains()).containsExactly("party.example");
        assertThat(policy.recipients().partners()).extracting(Policy.Partner::name).containsExactly("printer");
        assertThat(policy.rules()).extracting(Policy.Rule::id).contains("password-in-message",
                "personal-data-unprotected", "special-category-unprotected", "not-fully-inspected");
        assertThat(policy.rules()).filteredOn(r -> r.id().equals("password-in-message"))
                .singleElement().satisfies(r -> assertThat(r.action()).isEqualTo(Action.BLOCK));
    }

    @Test
    void strictExamplePolicyLoads() throws Exception {
        Policy policy = PolicyLoader.parse(resource("/org/outward/policies/examples/strict-policy.yaml"), "strict-policy.yaml");

        assertThat(policy.inspectionFailure()).isEqualTo(Action.BLOCK);
        assertThat(policy.detection().minRecords()).isEqualTo(2);
        assertThat(policy.senderGroups()).containsKey("data-team");
    }

    /** Every example shipped in policies/examples, so that a new example cannot go out unloaded. */
    static Stream<Path> examplePolicies() throws IOException {
        List<Path> examples;
        try (Stream<Path> files = Files.list(Path.of("..", "policies", "examples"))) {
            examples = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(examples).extracting(f -> f.getFileName().toString())
                .contains("strict-policy.yaml", "membership-numbers-policy.yaml");
        return examples.stream();
    }

    @ParameterizedTest
    @MethodSource("examplePolicies")
    void everyExamplePolicyLoads(Path example) throws Exception {
        assertThat(PolicyLoader.load(example).rules()).isNotEmpty();
    }

    @Test
    void membershipExampleDeclaresThePartysMembershipNumbers() throws Exception {
        Policy policy = PolicyLoader.parse(resource("/org/outward/policies/examples/membership-numbers-policy.yaml"),
                "membership-numbers-policy.yaml");

        CustomIdentifier number = policy.identifiers().get(0);
        assertThat(policy.identifiers()).hasSize(1);
        assertThat(number.name()).isEqualTo("party-membership-number");
        assertThat((Object) number.validator()).isEqualTo(CheckDigit.LUHN);
        assertThat(number.pattern().matcher("member PM9496324, ").find()).isTrue();
        assertThat(number.pattern().matcher("PM94963245").find()).as("eight digits").isFalse();
        assertThat(number.contextWords()).contains("membership", "rhif aelodaeth");
        assertThat(number.headerWords()).contains("membership number");
        assertThat(number.contextRequired()).isFalse();
        assertThat(number.window()).isEqualTo(60);
        assertThat(number.score()).isEqualTo(0.9);
        assertThat(number.identifier()).isTrue();
        assertThat(policy.rules()).filteredOn(r -> r.id().equals("membership-numbers-stay-inside")).singleElement()
                .satisfies(r -> assertThat(r.when().data()).containsExactly("party-membership-number"));
    }

    @Test
    void anIdentifierNeedsOnlyANameADescriptionAndAPattern() throws Exception {
        Policy policy = PolicyLoader.parse("""
                version: 1
                identifiers:
                  - name: case-reference
                    description: Casework references
                    pattern: '\\bCW-[0-9]{6}\\b'
                    context-words: [Casework, "Case Ref"]
                rules:
                  - id: case-lists
                    when: {finding: personal-data, data: [case-reference, membership-number]}
                    action: block
                """, "minimal.yaml");

        CustomIdentifier reference = policy.identifiers().get(0);
        assertThat(reference.description()).isEqualTo("Casework references");
        assertThat(reference.pattern().pattern()).isEqualTo("\\bCW-[0-9]{6}\\b");
        assertThat((Object) reference.validator()).isEqualTo(CheckDigit.NONE);
        assertThat(reference.contextWords()).as("matched without regard to case").containsExactly("casework", "case ref");
        assertThat(reference.headerWords()).isEmpty();
        assertThat(reference.contextRequired()).isFalse();
        assertThat(reference.window()).isEqualTo(CustomIdentifier.DEFAULT_WINDOW);
        assertThat(reference.score()).isEqualTo(CustomIdentifier.DEFAULT_SCORE);
        assertThat(reference.identifier()).isTrue();
        assertThat(policy.rules().get(0).when().data()).containsExactly("case-reference", "membership-number");
    }

    /** Editors offer the validators the schema lists: they must be exactly the check digits the loader takes. */
    @Test
    void theSchemaListsEveryValidatorTheLoaderTakes() throws IOException {
        com.fasterxml.jackson.databind.JsonNode schema = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(resource("/org/outward/policies/outward-policy.schema.json"));
        List<String> listed = new java.util.ArrayList<>();
        schema.at("/properties/identifiers/items/properties/validator/enum").forEach(v -> listed.add(v.asText()));

        assertThat(listed).containsExactlyElementsOf(CheckDigit.words());
    }

    /** Problems about when.data send the admin to the README for the built-in words: it must list them all. */
    @Test
    void theReadmeListsEveryBuiltInKindARuleMayName() throws IOException {
        String readme = Files.readString(Path.of("..", "policies", "README.md"));

        assertThat(DataWords.builtIn()).isNotEmpty().allSatisfy(word -> assertThat(readme).contains("`" + word + "`"));
    }

    /** The checks on a declared pattern must not refuse the shapes real identifiers have. */
    @ParameterizedTest
    @ValueSource(strings = {"\\bPM[0-9]{7}\\b",
            "\\b[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?[0-9]{2} ?[0-9]{2} ?[0-9]{2} ?[A-D]\\b",
            "\\b[0-9]{3} ?[0-9]{3} ?[0-9]{4}\\b", "\\b[A-Z]{2}[0-9]{1,4}\\b",
            "\\bGB[0-9]{2} ?[A-Z]{4}(?: ?[0-9]{4}){3} ?[0-9]{2}\\b", "\\b[A-Z]{0,3}[0-9]{5,10}\\b",
            "(?i)\\bcase[- ]?ref[: ]*[0-9]{5,8}\\b", "\\b[0-9]{9}\\b", "[0-9]{2,6}-[0-9]{4}",
            "\\bM-[0-9]{6}/[0-9]{2}\\b"})
    void realIdentifierShapesAreAccepted(String pattern) throws Exception {
        Policy policy = PolicyLoader.parse("version: 1\nidentifiers:\n  - name: ours\n    description: ours\n"
                + "    pattern: '" + pattern + "'\nrules: [{id: r, when: {finding: personal-data, data: [ours]}, action: block}]\n",
                "shape.yaml");

        assertThat(policy.identifiers()).singleElement().satisfies(i -> assertThat(i.pattern().pattern()).isEqualTo(pattern));
    }

    /** A mistake in a pattern is pointed at in the file, through YAML's quotes, escapes and folded lines. */
    @Test
    void aPatternMistakeIsPointedAtThroughQuotesEscapesAndFolding() {
        String policy = """
                version: 1
                identifiers:
                  - {name: quoted, description: q, pattern: 'it''s(x'}
                  - {name: escaped, description: e, pattern: "\\u00e9[0-9"}
                  - name: folded
                    description: f
                    pattern: >-
                      \\bAB
                      [0-9{3}
                rules: [{id: r, when: {finding: personal-data}, action: block}]
                """;

        assertThatThrownBy(() -> PolicyLoader.parse(policy, "p.yaml"))
                .isInstanceOfSatisfying(InvalidPolicyException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.line() + ":" + p.column())
                        .containsExactly("3:53", "4:56", "9:13"));
    }

    @Test
    void theDataProtectionOfficersAddressIsReadAndAnythingElseIsToldWhere() throws Exception {
        String good = """
                version: 1
                notices: {language: cy, dpo-address: dpo@party.example}
                rules: [{id: r, when: {finding: personal-data}, action: block}]
                """;
        String bad = """
                version: 1
                notices:
                  dpo-address: the DPO
                rules: [{id: r, when: {finding: personal-data}, action: block}]
                """;

        assertThat(PolicyLoader.parse(good, "p.yaml").notices().dpoAddress()).isEqualTo("dpo@party.example");
        assertThat(PolicyLoader.parse(good.replace(", dpo-address: dpo@party.example", ""), "p.yaml").notices()
                .dpoAddress()).isEmpty();
        assertThatThrownBy(() -> PolicyLoader.parse(bad, "p.yaml"))
                .isInstanceOfSatisfying(InvalidPolicyException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.line() + ":" + p.column() + " " + p.message())
                        .containsExactly("3:16 notices.dpo-address must be an address like dpo@party.example,"
                                + " not 'the DPO'"));
    }

    @Test
    void whetherTheSenderIsToldOfADeletionIsReadTrueByDefaultAndAnythingElseIsToldWhere() throws Exception {
        String policy = """
                version: 1
                notices: {language: cy, tell-sender-on-delete: false}
                rules: [{id: r, when: {finding: personal-data}, action: block}]
                """;

        assertThat(PolicyLoader.parse(policy, "p.yaml").notices().tellSenderOnDelete()).isFalse();
        assertThat(PolicyLoader.parse(policy.replace("false", "true"), "p.yaml").notices().tellSenderOnDelete()).isTrue();
        assertThat(PolicyLoader.parse(policy.replace(", tell-sender-on-delete: false", ""), "p.yaml").notices()
                .tellSenderOnDelete()).isTrue();
        assertThatThrownBy(() -> PolicyLoader.parse(policy.replace("false", "no"), "p.yaml"))
                .isInstanceOfSatisfying(InvalidPolicyException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.line() + ":" + p.column() + " " + p.message())
                        .containsExactly("2:48 notices.tell-sender-on-delete must be true or false, not 'no'"));
    }

    @Test
    void aPolicyDeclaresAtMostThirtyTwoIdentifiersAndIsToldWhereTheFirstTooManyIs() {
        StringBuilder policy = new StringBuilder("version: 1\nidentifiers:\n");
        for (int i = 0; i < 33; i++) {
            policy.append("  - {name: ref-").append(i).append(", description: reference ").append(i)
                    .append(", pattern: '\\\\bR").append((char) ('A' + i % 26)).append((char) ('A' + i / 26))
                    .append("[0-9]{6}\\\\b'}\n");
        }
        policy.append("rules: [{id: r, when: {finding: personal-data}, action: block}]\n");

        assertThatThrownBy(() -> PolicyLoader.parse(policy.toString(), "p.yaml"))
                .isInstanceOfSatisfying(InvalidPolicyException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.line() + ":" + p.column() + " " + p.message().substring(0, 28))
                        .containsExactly("35:5 a policy declares at most 32"));
    }

    static Stream<String> brokenPolicies() {
        return Stream.of("unknown-key", "wrong-types", "bad-regex", "impossible-values", "not-yaml",
                "unknown-partner", "missing-rules", "identifier-patterns", "identifier-names", "identifier-values",
                "rule-data");
    }

    @ParameterizedTest
    @MethodSource("brokenPolicies")
    void brokenPolicyIsRefusedWithExactLineAndColumn(String name) throws Exception {
        String text = resource("/broken-policies/" + name + ".yaml");
        List<String> expected = resource("/broken-policies/" + name + ".expected").lines().toList();

        InvalidPolicyException refused = null;
        try {
            PolicyLoader.parse(text, name + ".yaml");
        } catch (InvalidPolicyException e) {
            refused = e;
        }
        assertThat(refused).as("the policy is refused").isNotNull();
        List<String> actual = refused.problems().stream().map(PolicyProblem::toString).toList();
        if (!actual.equals(expected)) {
            // Left beside the build for review when the wording changes on purpose.
            Path out = Files.createDirectories(Path.of("target", "broken-policies"));
            Files.write(out.resolve(name + ".actual"), actual);
        }
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    @Test
    void loadNamesTheFileInEveryProblem() throws Exception {
        Path file = Files.writeString(temp.resolve("mine.yaml"), "version: 1\nrules: []\n");

        assertThatThrownBy(() -> PolicyLoader.load(file))
                .isInstanceOfSatisfying(InvalidPolicyException.class, e -> assertThat(e.problems())
                        .extracting(PolicyProblem::toString)
                        .containsExactly(file + ":2:8: rules is empty: with no rules every message passes; "
                                + "start from policies/default-policy.yaml"));
    }

    @Test
    void unreadableFileIsOneProblemWithoutPosition() {
        Path missing = temp.resolve("missing.yaml");

        assertThatThrownBy(() -> PolicyLoader.load(missing))
                .isInstanceOfSatisfying(InvalidPolicyException.class, e -> assertThat(e.problems())
                        .singleElement().satisfies(p -> {
                            assertThat(p.line()).isZero();
                            assertThat(p.toString()).startsWith(missing + ": cannot read the file");
                        }));
    }

    @Test
    void emptyFileIsRefused() {
        assertThatThrownBy(() -> PolicyLoader.parse("# only a comment\n", "empty.yaml"))
                .hasMessage("empty.yaml: the file is empty; start from policies/default-policy.yaml");
    }

    @Test
    void yamlAliasBombIsRefused() {
        StringBuilder bomb = new StringBuilder("version: 1\na: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'z'; c++) {
            char p = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [*").append(p).append(", *").append(p).append(", *")
                    .append(p).append("]\n");
        }
        assertThatThrownBy(() -> PolicyLoader.parse(bomb.toString(), "bomb.yaml"))
                .isInstanceOf(InvalidPolicyException.class);
    }
}
