package org.outward.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outward.engine.Engine;
import org.outward.engine.Envelope;
import org.outward.engine.Judgement;
import org.outward.policy.Action;
import org.outward.policy.Policy;

/**
 * A parser that hangs or exhausts its heap costs one message's inspection, never the gateway: the message is
 * held (the default policy's answer to a part not inspected to the end) and the next message is judged as
 * usual. The misbehaving parser is real ({@link MisbehavingParser}, registered for two test types on the test
 * class path) and runs in the parser process, which is killed, or dies of its own heap limit.
 */
class ParserIsolationTest {

    private static final Envelope ENVELOPE = new Envelope("volunteer@party.example", List.of("printer@elsewhere.example"));

    @TempDir
    Path state;

    private Engine engine;
    private Policy policy;

    @BeforeEach
    void engine() throws Exception {
        engine = new Engine(state, Clock.systemUTC(), new ParserIsolation(1, 96));
        policy = ShippedPolicy.withTimePerPart("8s");
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void aParserThatNeverReturnsIsKilledAndTheMessageHeld() throws Exception {
        assertThat(judge(ordinary()).decision().verdict()).isEqualTo(Action.PASS);

        Judgement hung = judge(misbehaving("OUTWARD-TEST-HANG"));
        assertThat(hung.decision().verdict()).isEqualTo(Action.QUARANTINE);
        assertThat(hung.inspection().findings(FindingKind.TIME_LIMIT)).isNotEmpty();

        Judgement next = judge(ordinary());
        assertThat(next.decision().verdict()).isEqualTo(Action.PASS);
        assertThat(next.inspection().part("2/minutes.docx").orElseThrow().text().text()).contains("Ann Jones");
    }

    @Test
    void aParserThatExhaustsItsHeapKillsOnlyItsProcess() throws Exception {
        Judgement hoarded = judge(misbehaving("OUTWARD-TEST-HOARD"));
        assertThat(hoarded.decision().verdict()).isEqualTo(Action.QUARANTINE);
        assertThat(hoarded.inspection().findings(FindingKind.UNREADABLE))
                .anyMatch(f -> f.detail().contains("ParserProcessOutOfMemory"));

        Judgement next = judge(ordinary());
        assertThat(next.decision().verdict()).isEqualTo(Action.PASS);
        assertThat(next.inspection().part("2/minutes.docx").orElseThrow().text().text()).contains("Ann Jones");
    }

    /**
     * Ordinary parts go to processes with the quick compiler only; parts from the large-part size on go to a
     * process that keeps the optimising compiler. Told apart by the new parser processes' own command lines.
     */
    @Test
    void largePartsAreParsedInAProcessThatKeepsTheOptimisingCompiler(@TempDir Path other) throws Exception {
        Set<Long> before = parserProcesses().keySet();
        assertThat(judge(ordinary()).decision().verdict()).isEqualTo(Action.PASS);
        Map<Long, Boolean> started = new HashMap<>(parserProcesses());
        started.keySet().removeAll(before);
        assertThat(started).as("processes started for a DOCX of a few KB (quick compiler only?)")
                .isNotEmpty().doesNotContainValue(false);

        // Every part is large for this engine: the same DOCX goes to the process for large parts.
        try (Engine largeOnly = new Engine(other, Clock.systemUTC(), new ParserIsolation(1, 96, 1))) {
            Set<Long> known = parserProcesses().keySet();
            Judgement judged = largeOnly.judge(ordinary().getBytes(StandardCharsets.UTF_8), ENVELOPE, policy);
            assertThat(judged.decision().verdict()).isEqualTo(Action.PASS);
            assertThat(judged.inspection().part("2/minutes.docx").orElseThrow().text().text()).contains("Ann Jones");
            Map<Long, Boolean> now = new HashMap<>(parserProcesses());
            now.keySet().removeAll(known);
            assertThat(now).as("processes started for a large part (quick compiler only?)")
                    .isNotEmpty().doesNotContainValue(true);
        }
    }

    /**
     * This JVM's live parser processes, each with whether it runs the quick compiler only, read from
     * /proc/PID/cmdline: {@code ProcessHandle.Info} gives up on command lines as long as a class path.
     */
    private static Map<Long, Boolean> parserProcesses() {
        Map<Long, Boolean> found = new HashMap<>();
        ProcessHandle.current().descendants().forEach(p -> {
            try {
                String line = Files.readString(Path.of("/proc", Long.toString(p.pid()), "cmdline"),
                        StandardCharsets.UTF_8);
                List<String> args = List.of(line.split("\u0000"));
                if (args.contains(ParseChild.class.getName())) {
                    found.put(p.pid(), args.contains("-XX:TieredStopAtLevel=1"));
                }
            } catch (java.io.IOException e) {
                // The process ended meanwhile.
            }
        });
        return found;
    }

    private Judgement judge(String raw) {
        return engine.judge(raw.getBytes(StandardCharsets.UTF_8), ENVELOPE, policy);
    }

    private static String ordinary() throws Exception {
        return Mail.message("b1", Mail.text("Minutes attached."), Mail.attachment(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document; name=minutes.docx", "",
                Samples.docxWithTable()));
    }

    private static String misbehaving(String magic) {
        return Mail.message("b2", Mail.text("The file is attached."), Mail.attachment(
                "application/octet-stream; name=odd.bin", "",
                (magic + " and a few more bytes").getBytes(StandardCharsets.US_ASCII)));
    }
}
