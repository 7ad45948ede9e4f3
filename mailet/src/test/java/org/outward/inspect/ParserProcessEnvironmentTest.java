package org.outward.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gateway started with JVM options in its environment, as the compose files start it
 * ({@code JAVA_TOOL_OPTIONS=-Xms1g -Xmx2g}), still parses in its parser processes: those options are the gateway's
 * own and must not reach a process of a few hundred megabytes (an initial heap above its maximum stops it at once,
 * and every attachment would be held as unreadable). The gateway here is a JVM started by the test with such an
 * environment, parsing one document in a parser process ({@link ParseOnce}).
 */
class ParserProcessEnvironmentTest {

    @TempDir
    Path dir;

    @Test
    void theGatewaysJvmOptionsFromTheEnvironmentDoNotReachItsParserProcesses() throws Exception {
        Path docx = Files.write(dir.resolve("minutes.docx"), Samples.docxWithTable());
        ProcessBuilder gateway = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ParseOnce.class.getName(), docx.toString())
                .redirectErrorStream(true);
        gateway.environment().put("JAVA_TOOL_OPTIONS", "-Xms512m -Xmx1g");
        gateway.environment().put("JDK_JAVA_OPTIONS", "-Xms512m");

        Process process = gateway.start();
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("finished").isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(output).as(output).contains("PARSED Ann Jones");
        assertThat(process.exitValue()).isZero();
    }

    /** Parses one DOCX in a parser process and prints what it read. */
    public static final class ParseOnce {
        public static void main(String[] args) throws Exception {
            try (TimeBox timeBox = new TimeBox(2);
                 ParserProcesses processes = new ParserProcesses(new ParserIsolation(1, 96), timeBox, r -> { })) {
                TextExtractor.Result result = processes.extract(Path.of(args[0]),
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "minutes.docx",
                        100_000, Duration.ofSeconds(90), new EmbeddedSpooler(null, ""));
                String text = result.text().text();
                System.out.println(text.contains("Ann Jones") ? "PARSED Ann Jones" : "NOT PARSED " + result.failed());
                System.exit(text.contains("Ann Jones") ? 0 : 1);
            }
        }
    }
}
