package org.outward.james;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.stream.Stream;

import javax.mail.Session;
import javax.mail.internet.MimeMessage;

import org.apache.mailet.base.test.FakeMail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.outward.fixtures.hostile.HostileCorpus;
import org.outward.fixtures.hostile.HostileCorpus.HostileCase;

/**
 * The hostile corpus through the gateway's real inspection point, the Inspect mailet, under the default policy
 * with a short time limit per part: every case ends in a verdict, nothing escapes, no case hangs past the
 * limit or runs the heap the docs recommend (-Xmx1g, Surefire's argLine) out; a case whose content cannot all
 * be seen is held or blocked, never passed.
 *
 * <p>The guard below only catches a hang: a part is cut off after {@link #TIME_PER_PART}, and a message has
 * few parts that can take that long. It is not a speed assertion.
 */
class HostileInputTest {

    private static final Duration TIME_PER_PART = Duration.ofSeconds(5);
    private static final Duration HANG = Duration.ofMinutes(3);

    @TempDir
    static Path temp;

    private static Inspect mailet;

    @BeforeAll
    static void start() throws Exception {
        mailet = DefaultPolicyInspect.start(temp, TIME_PER_PART);
    }

    @AfterAll
    static void stop() {
        mailet.destroy();
    }

    static Stream<HostileCase> cases() {
        return HostileCorpus.cases().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void endsInAVerdict(HostileCase hostile) throws Exception {
        byte[] raw = hostile.message().get();
        FakeMail mail = FakeMail.builder().name(hostile.name())
                .sender("sam.volunteer@party.example").recipient("alex.agent@example.org")
                .mimeMessage(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw)))
                .build();

        assertTimeoutPreemptively(HANG, () -> mailet.service(mail), hostile.what());

        String verdict = mail.getMessage().getHeader("X-Outward-Verdict", null);
        System.out.printf("hostile %-28s %-10s rules %s%n", hostile.name(), verdict, DecisionAttributes.rules(mail).values());
        assertThat(verdict).as(hostile.what()).isNotNull();
        assertThat(DecisionAttributes.actions(mail)).as(hostile.what()).containsOnlyKeys("alex.agent@example.org");
        if (hostile.mustBeHeld()) {
            assertThat(verdict).as(hostile.what() + ": cannot have been seen whole").isIn("quarantine", "block");
        }
    }
}
