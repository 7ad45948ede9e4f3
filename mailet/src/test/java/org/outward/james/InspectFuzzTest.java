package org.outward.james;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Properties;
import java.util.stream.Stream;

import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.MimeMessage;

import org.apache.mailet.base.test.FakeMail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.provider.MethodSource;
import org.outward.fixtures.Fixtures;
import org.outward.fixtures.hostile.HostileCorpus;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the gateway's inspection point: whatever bytes arrive as a message, the Inspect
 * mailet ends in a verdict for every recipient and throws nothing.
 *
 * <p>Under plain {@code mvn verify} this runs in Jazzer's regression mode: once for each seed (the sample mail
 * of {@code test-fixtures/mail} and the small cases of the hostile corpus) and for each input in
 * {@code src/test/resources/org/outward/james/InspectFuzzTestInputs/judgesEveryMessage/}, where every input that
 * once broke it is kept. {@code JAZZER_FUZZ=1} makes it fuzz; see docs/robustness.md.
 */
class InspectFuzzTest {

    /** Seeds bigger than this slow every execution down more than they add coverage. */
    private static final int SEED_LIMIT = 64 * 1024;

    private static Inspect mailet;

    @BeforeAll
    static void start() throws Exception {
        // A short limit per part keeps executions flowing; what a limit cuts is held, which is also a verdict.
        mailet = DefaultPolicyInspect.start(Files.createTempDirectory("outward-fuzz"), Duration.ofSeconds(2));
    }

    @AfterAll
    static void stop() {
        mailet.destroy();
    }

    static Stream<byte[]> judgesEveryMessage() {
        Stream<byte[]> samples = Fixtures.all().stream().filter(f -> f.path().endsWith(".eml")).map(f -> {
            try (InputStream in = InspectFuzzTest.class.getResourceAsStream("/fixtures/" + f.path())) {
                return in.readAllBytes();
            } catch (java.io.IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Stream<byte[]> hostile = HostileCorpus.cases().stream().map(c -> c.message().get())
                .filter(raw -> raw.length <= SEED_LIMIT);
        return Stream.concat(samples, hostile);
    }

    @MethodSource
    @FuzzTest(maxDuration = "5m")
    // A hang guard, not a speed limit: Jazzer passes it to libFuzzer as -timeout; parts are cut at 2 s. The
    // first execution also pays for loading and instrumenting the engine.
    @Timeout(180)
    void judgesEveryMessage(byte[] raw) throws Exception {
        MimeMessage message;
        try {
            message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
        } catch (MessagingException e) {
            // James's SMTP server would not have accepted bytes that are not even a header block.
            return;
        }
        FakeMail mail = FakeMail.builder().name("fuzz").sender("sam.volunteer@party.example")
                .recipient("alex.agent@example.org").mimeMessage(message).build();

        mailet.service(mail);

        assertThat(DecisionAttributes.actions(mail)).containsOnlyKeys("alex.agent@example.org");
        assertThat(mail.getMessage().getHeader("X-Outward-Verdict")).isNotNull().hasSize(1);
    }
}
