package org.outward.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

/** {@code gateway scan}: the JSON-lines contract of issue 6 on every sample of the manifest, and the human output. */
class ScanCommandTest {

    private static final Path FIXTURES = Path.of("..", "test-fixtures");
    private static final Set<String> LEVELS = Set.of("none", "weak", "strong", "unknown");

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
    void jsonMeetsTheContractOnEverySampleOfTheManifestWithTheExpectedVerdict() throws Exception {
        List<String[]> samples = Files.readAllLines(FIXTURES.resolve("outcomes.csv")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split(",", 3)).toList();
        List<String> args = new ArrayList<>(List.of("scan", "--json"));
        samples.forEach(s -> args.add(FIXTURES.resolve(s[0]).toString()));

        assertThat(run(args.toArray(String[]::new))).isZero();

        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(samples.size());
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < samples.size(); i++) {
            JsonNode result = json.readTree(lines.get(i));
            String sample = samples.get(i)[0];
            assertThat(result.get("path").asText()).isEqualTo(FIXTURES.resolve(sample).toString());
            assertThat(result.get("verdict").asText()).as(sample).isEqualTo(samples.get(i)[1]);
            for (String flag : new String[] {"personalData", "specialCategory", "password"}) {
                assertThat(result.get(flag).isBoolean()).as(sample + " " + flag).isTrue();
            }
            assertThat(result.get("records").isInt()).as(sample).isTrue();
            assertThat(result.get("parts").isArray() && result.get("parts").size() > 0).as(sample).isTrue();
            for (JsonNode part : result.get("parts")) {
                assertThat(part.get("name").asText()).as(sample).isNotEmpty();
                assertThat(part.get("mediaType").asText()).as(sample).contains("/");
                assertThat(part.get("protection").asText()).as(sample).isIn(LEVELS);
                assertThat(part.get("scheme").isTextual()).as(sample).isTrue();
                assertThat(part.get("personalData").isBoolean()).as(sample).isTrue();
                assertThat(part.get("records").isInt()).as(sample).isTrue();
            }
            boolean blockedForPeople = sample.startsWith("personal/positive/") || sample.equals("mail/canvass-attached.eml");
            assertThat(result.get("personalData").asBoolean()).as(sample).isEqualTo(blockedForPeople);
        }
    }

    @Test
    void humanOutputGivesVerdictOutcomePerRecipientRedactedFindingsAndTimeButNoContent() {
        Path canvass = FIXTURES.resolve("personal/positive/canvass-1.csv");

        assertThat(run("scan", "--to", "colleague@party.example", "--to", "someone@example.org", canvass.toString()))
                .isZero();

        String text = out.toString();
        assertThat(text).startsWith(canvass + ": block (").contains(" ms)");
        assertThat(text).contains("colleague@party.example (internal): warn, decided by rule personal-data-internal");
        assertThat(text).contains("someone@example.org (external): block, decided by rule special-category-unprotected");
        assertThat(text).contains("findings:").contains("special-category-data in 2/canvass-1.csv (protection none, ");
        // The first person of the file, and the voting intention column, never reach the output.
        assertThat(text).doesNotContain("Predovic").doesNotContain("Westmorland").doesNotContain("N24 6ZU");
    }

    @Test
    void aMissingPathIsBadUsage() {
        assertThat(run("scan", temp.resolve("nothing-here.eml").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("cannot read").contains("nothing-here.eml");
    }

    @Test
    void aPathThatFailsMidReadIsReportedAndTheOthersAreStillJudged() {
        // A regular, readable file whose every read fails with EIO: what a failing disk or share looks like.
        Path failing = Path.of("/proc/self/mem");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(failing) && Files.isReadable(failing));
        Path first = FIXTURES.resolve("mail/first-message.eml");
        Path canvass = FIXTURES.resolve("personal/positive/canvass-1.csv");

        int exit = run("scan", first.toString(), failing.toString(), canvass.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains(first + ": pass").contains(canvass + ": block");
        assertThat(err.toString()).contains("cannot read " + failing).contains("1 of 3 paths could not be read");
    }

    @Test
    void anInvalidPolicyIsBadUsageWithItsProblems() throws Exception {
        Path policy = Files.writeString(temp.resolve("broken.yaml"), "version: 1\nsecure-tagg: x\n");

        assertThat(run("scan", "--policy", policy.toString(), FIXTURES.resolve("mail/first-message.eml").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains(policy + ":2:1: unknown key 'secure-tagg'");
        assertThat(out.toString()).isEmpty();
    }
}
