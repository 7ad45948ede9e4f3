package org.outward.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin's tools print verdicts only, and the gateway's and libraries' log lines (the parser processes',
 * PDFBox's complaints about a damaged PDF) only with {@code --verbose}, on standard error. Each command runs in
 * a JVM of its own, as {@code deploy/gateway} starts it, so that what the parser processes print counts too.
 */
class CommandLogTest {

    private static final Path FIXTURES = Path.of("..", "test-fixtures");

    @TempDir
    static Path temp;

    private static Path damaged;

    /** A PDF cut off halfway: PDFBox parses what it can and logs what it cannot. */
    @BeforeAll
    static void damagePdf() throws Exception {
        byte[] pdf = Files.readAllBytes(FIXTURES.resolve("real/ordinary/tika/testPDFTwoTextBoxes.pdf"));
        damaged = Files.write(temp.resolve("damaged.pdf"), Arrays.copyOf(pdf, pdf.length / 2));
    }

    private record Outcome(int exit, String out, String err) {
    }

    private static Outcome gateway(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Djava.io.tmpdir=" + temp, "-cp", System.getProperty("java.class.path"),
                GatewayCommand.class.getName()));
        command.addAll(List.of(args));
        Path out = temp.resolve("out.txt");
        Path err = temp.resolve("err.txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the command ends").isTrue();
        return new Outcome(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void scanPrintsVerdictsOnlyWithoutVerbose() throws Exception {
        Path plain = FIXTURES.resolve("files/pdf/plain.pdf");

        Outcome outcome = gateway("scan", damaged.toString(), plain.toString());

        assertThat(outcome.exit()).isZero();
        assertThat(outcome.out().lines()).filteredOn(line -> !line.startsWith(" "))
                .allMatch(line -> line.startsWith(damaged + ": ") || line.startsWith(plain + ": "))
                .hasSize(2);
        assertThat(outcome.err()).isEmpty();
    }

    @Test
    void scanWithVerbosePrintsTheLogOnStandardErrorAndKeepsTheJsonLinesClean() throws Exception {
        Outcome outcome = gateway("scan", "--json", "--verbose", damaged.toString());

        assertThat(outcome.exit()).isZero();
        assertThat(outcome.out().lines()).hasSize(1).allMatch(line -> line.startsWith("{\"path\":"));
        assertThat(outcome.err()).contains("pdfbox").contains("WARN");
    }
}
