package org.outward.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

class PolicyCommandTest {

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();

    private int run(String... args) {
        CommandLine command = GatewayCommand.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(out, true));
        return command.execute(args);
    }

    @Test
    void defaultPolicyPassesTheCheck() {
        Path policy = Path.of("..", "policies", "default-policy.yaml");

        assertThat(run("policy", "check", policy.toString())).isZero();
        assertThat(out.toString()).startsWith(policy + ": OK, ");
    }

    @Test
    void strictExamplePassesTheCheck() {
        assertThat(run("policy", "check", Path.of("..", "policies", "examples", "strict-policy.yaml").toString())).isZero();
    }

    @Test
    void membershipExamplePassesTheCheckAndNamesItsIdentifier() {
        Path policy = Path.of("..", "policies", "examples", "membership-numbers-policy.yaml");

        assertThat(run("policy", "check", policy.toString())).isZero();
        assertThat(out.toString()).startsWith(policy + ": OK, ").contains("; identifiers party-membership-number");
    }

    /** The loader's fixtures of mistaken identifiers and data rules, each problem printed where it is. */
    @ParameterizedTest
    @ValueSource(strings = {"identifier-patterns", "identifier-names", "identifier-values", "rule-data"})
    void mistakesInIdentifiersArePrintedWithLineAndColumn(String name) throws Exception {
        Path fixtures = Path.of("..", "mailet", "src", "test", "resources", "broken-policies");
        Path policy = Files.copy(fixtures.resolve(name + ".yaml"), temp.resolve(name + ".yaml"));
        List<String> expected = new ArrayList<>(Files.readAllLines(fixtures.resolve(name + ".expected")).stream()
                .map(line -> temp.resolve(line)).map(Path::toString).toList());
        expected.add(expected.size() + " problems");

        assertThat(run("policy", "check", policy.toString())).isEqualTo(1);
        assertThat(out.toString().lines()).containsExactlyElementsOf(expected);
    }

    @Test
    void brokenPolicyPrintsEveryProblemWithLineAndColumnAndFails() throws Exception {
        Path policy = Files.writeString(temp.resolve("broken.yaml"),
                "version: 1\nsecure-tagg: x\nrules:\n  - id: a\n    when: {finding: password}\n    action: blok\n");

        assertThat(run("policy", "check", policy.toString())).isEqualTo(1);
        assertThat(out.toString().lines()).containsExactly(
                policy + ":2:1: unknown key 'secure-tagg' in the policy; did you mean 'secure-tag'?",
                policy + ":6:13: rule 'a'.action must be one of pass, monitor, warn, wrap, quarantine, block, not 'blok'; did you mean 'block'?",
                "2 problems");
    }

    @Test
    void whetherToTellTheSenderOfADeletionIsCheckedWhereItIsWritten() throws Exception {
        Path policy = Files.writeString(temp.resolve("delete-notice.yaml"), Files.readString(
                Path.of("..", "policies", "default-policy.yaml")).replace("tell-sender-on-delete: true",
                "tell-sender-on-delete: yes"));

        assertThat(run("policy", "check", policy.toString())).isEqualTo(1);
        // Where the key stands in the shipped policy, which grows as settings are added above it.
        int line = Files.readAllLines(policy).indexOf(Files.readAllLines(policy).stream()
                .filter(l -> l.contains("tell-sender-on-delete: yes")).findFirst().orElseThrow()) + 1;
        assertThat(out.toString()).contains(":" + line + ":26: notices.tell-sender-on-delete must be true or false, not 'yes'");
    }

    @Test
    void aMistypedVariableInAnAdminsNoticeTemplateFailsTheCheck() throws Exception {
        Path notices = temp.resolve("notices");
        try (var files = Files.walk(Path.of("..", "policies", "notices"))) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = notices.resolve(Path.of("..", "policies", "notices").relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        Path subject = notices.resolve("en/subject.mustache");
        Files.writeString(subject, Files.readString(subject).replace("{{subject}}", "{{subjct}}"));

        assertThat(run("policy", "check", "--notices", notices.toString(),
                Path.of("..", "policies", "default-policy.yaml").toString())).isEqualTo(1);
        assertThat(out.toString()).contains(notices + "/en: ").contains("subjct").contains("1 problem");
    }

    @Test
    void theShippedNoticeTemplatesPassTheCheck() {
        assertThat(run("policy", "check", "--notices", Path.of("..", "policies", "notices").toString(),
                Path.of("..", "policies", "default-policy.yaml").toString())).isZero();
    }

    @Test
    void jsonGivesTheOutcomeAndEveryProblemWithFileLineAndColumn() throws Exception {
        Path policy = Files.writeString(temp.resolve("broken.yaml"),
                "version: 1\nsecure-tagg: x\nrules:\n  - id: a\n    when: {finding: password}\n    action: blok\n");

        assertThat(run("policy", "check", "--json", policy.toString())).isEqualTo(1);

        assertThat(out.toString().lines()).hasSize(1);
        JsonNode result = new ObjectMapper().readTree(out.toString());
        assertThat(result.get("file").asText()).isEqualTo(policy.toString());
        assertThat(result.get("ok").asBoolean()).isFalse();
        JsonNode problems = result.get("problems");
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0).get("file").asText()).isEqualTo(policy.toString());
        assertThat(problems.get(0).get("line").asInt()).isEqualTo(2);
        assertThat(problems.get(0).get("column").asInt()).isEqualTo(1);
        assertThat(problems.get(0).get("message").asText()).startsWith("unknown key 'secure-tagg'");
        assertThat(problems.get(1).get("line").asInt()).isEqualTo(6);
        assertThat(problems.get(1).get("column").asInt()).isEqualTo(13);
    }

    @Test
    void jsonOfAUsablePolicyIsOkWithItsRulesAndDomains() throws Exception {
        Path policy = Path.of("..", "policies", "examples", "membership-numbers-policy.yaml");

        assertThat(run("policy", "check", "--json", policy.toString())).isZero();

        JsonNode result = new ObjectMapper().readTree(out.toString());
        assertThat(result.get("ok").asBoolean()).isTrue();
        assertThat(result.get("problems")).isEmpty();
        assertThat(result.get("rules").asInt()).isPositive();
        assertThat(result.get("internalDomains")).isNotEmpty();
        assertThat(result.get("identifiers").toString()).contains("party-membership-number");
    }
}
