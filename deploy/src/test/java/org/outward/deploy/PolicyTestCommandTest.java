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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

/** {@code gateway policy test} on the project's fixtures and on a folder with a wrong expectation. */
class PolicyTestCommandTest {

    private static final Path FIXTURES = Path.of("..", "test-fixtures");
    private static final Path POLICIES = Path.of("..", "policies");

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine command = GatewayCommand.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    @Test
    void defaultPolicyAgreesWithEveryExpectationOfTheFixtures() {
        int exit = run("policy", "test", "--policy", POLICIES.resolve("default-policy.yaml").toString(), FIXTURES.toString());

        assertThat(exit).as(out.toString()).isZero();
        assertThat(out.toString()).contains("expected \\ actual").containsPattern("all \\d+ samples agree");
        assertThat(err.toString()).as("progress of a long run").contains("policy test: 10 of ")
                .containsPattern("policy test: 20 of \\d+ samples judged");
    }

    @Test
    void strictExamplePolicyAgreesWithItsOwnManifest() {
        int exit = run("policy", "test", "--policy", POLICIES.resolve("examples/strict-policy.yaml").toString(),
                "--manifest", "outcomes-strict.csv", FIXTURES.toString());

        assertThat(exit).as(out.toString()).isZero();
    }

    /** A note expected to pass, which does, and a list of people expected to be monitored, which is blocked. */
    private void folderWithAWrongExpectation() throws Exception {
        Files.createDirectories(temp.resolve("mine"));
        Files.copy(FIXTURES.resolve("mail/first-message.eml"), temp.resolve("mine/hello.eml"));
        Files.copy(FIXTURES.resolve("personal/positive/email-list-1.csv"), temp.resolve("mine/list.csv"));
        Files.writeString(temp.resolve("outcomes.csv"),
                "# path,verdict,why\nmine/hello.eml,pass,a note\nmine/list.csv,monitor,wrong on purpose\n");
    }

    @Test
    void aWrongExpectationFailsAndIsListedWithTheDecidingRule() throws Exception {
        folderWithAWrongExpectation();

        int exit = run("policy", "test", "--policy", POLICIES.resolve("default-policy.yaml").toString(), temp.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains("1 of 2 samples disagree:")
                .contains("  mine/list.csv: expected monitor, got block by rule personal-data-unprotected");
        assertThat(out.toString().lines()).anyMatch(line -> line.matches("monitor +\\. +\\. +\\. +\\. +\\. +1"));
    }

    @Test
    void aManifestForColleaguesIsTestedWithTheirAddressAsRecipient() throws Exception {
        Files.copy(FIXTURES.resolve("personal/positive/canvass-1.csv"), temp.resolve("canvass.csv"));
        Files.writeString(temp.resolve("internal.csv"), "canvass.csv,warn,a colleague gets it with a warning\n");
        String policy = POLICIES.resolve("default-policy.yaml").toString();

        int internal = run("policy", "test", "--policy", policy, "--to", "colleague@party.example",
                "--manifest", "internal.csv", temp.toString());
        int external = run("policy", "test", "--policy", policy, "--manifest", "internal.csv", temp.toString());

        assertThat(internal).as(out.toString()).isZero();
        assertThat(external).isEqualTo(1);
        assertThat(out.toString()).contains("canvass.csv: expected warn, got block by rule special-category-unprotected");
    }

    @Test
    void aFolderWithoutManifestOrWithABadRowIsBadUsage() throws Exception {
        assertThat(run("policy", "test", "--policy", POLICIES.resolve("default-policy.yaml").toString(), temp.toString()))
                .isEqualTo(2);
        Files.writeString(temp.resolve("outcomes.csv"), "missing.eml,pass,x\n");
        assertThat(run("policy", "test", "--policy", POLICIES.resolve("default-policy.yaml").toString(), temp.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("outcomes.csv:1: no sample");
        assertThat(run("policy", "test", temp.toString())).as("--policy is required").isEqualTo(2);
    }

    @Test
    void jsonGivesOneLinePerSampleAndASummary() throws Exception {
        folderWithAWrongExpectation();

        int exit = run("policy", "test", "--json", "--policy", POLICIES.resolve("default-policy.yaml").toString(),
                temp.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).isEmpty();
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString().lines().toList()) {
            lines.add(json.readTree(line));
        }
        assertThat(lines).hasSize(3);
        JsonNode hello = lines.get(0);
        assertThat(hello.get("kind").asText()).isEqualTo("sample");
        assertThat(hello.get("path").asText()).isEqualTo("mine/hello.eml");
        assertThat(hello.get("expected").asText()).isEqualTo("pass");
        assertThat(hello.get("verdict").asText()).isEqualTo("pass");
        assertThat(hello.get("agrees").asBoolean()).isTrue();
        JsonNode list = lines.get(1);
        assertThat(list.get("path").asText()).isEqualTo("mine/list.csv");
        assertThat(list.get("expected").asText()).isEqualTo("monitor");
        assertThat(list.get("verdict").asText()).isEqualTo("block");
        assertThat(list.get("agrees").asBoolean()).isFalse();
        assertThat(list.get("decidedBy").asText()).isEqualTo("personal-data-unprotected");
        JsonNode summary = lines.get(2);
        assertThat(summary.get("kind").asText()).isEqualTo("summary");
        assertThat(summary.get("samples").asInt()).isEqualTo(2);
        assertThat(summary.get("agree").asInt()).isEqualTo(1);
        assertThat(summary.get("disagree").asInt()).isEqualTo(1);
    }

    @Test
    void aSampleThatFailsMidReadIsNamedInOneLineAndTheOthersAreStillJudged() throws Exception {
        // A regular, readable file whose every read fails with EIO: what a failing disk or share looks like.
        Path failing = Path.of("/proc/self/mem");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(failing) && Files.isReadable(failing));
        folderWithAWrongExpectation();
        Files.createSymbolicLink(temp.resolve("mine/broken.eml"), failing);
        Files.writeString(temp.resolve("outcomes.csv"), "mine/broken.eml,pass,unreadable\n",
                java.nio.file.StandardOpenOption.APPEND);

        int exit = run("policy", "test", "--policy", POLICIES.resolve("default-policy.yaml").toString(), temp.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().lines()).singleElement().asString()
                .startsWith("policy test: cannot read mine/broken.eml: ").endsWith("; not judged");
        assertThat(out.toString()).contains("mine/list.csv: expected monitor, got block");
    }
}
