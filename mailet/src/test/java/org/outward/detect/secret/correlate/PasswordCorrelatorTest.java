package org.outward.detect.secret.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outward.detect.secret.Location;
import org.outward.detect.secret.SecretDetector;
import org.outward.detect.secret.SecretFinding;
import org.outward.detect.secret.TextSource;
import org.outward.installation.InstallationKey;

class PasswordCorrelatorTest {

    @TempDir
    Path folder;

    @Test
    void aLaterPasswordIsTiedToTheEarlierEncryptedAttachment() {
        TestClock clock = new TestClock(Instant.parse("2026-11-16T09:00:00Z"));
        PasswordCorrelator correlator = new PasswordCorrelator(new FileEncryptedSendLog(folder.resolve("state"),
                InstallationKey.of(new byte[32]), Duration.ofDays(7), clock));
        correlator.rememberEncrypted("sam@party.example", List.of("jo@example.org", "ali@example.org"),
                List.of("Ward list.zip"), clock.instant());
        clock.advance(Duration.ofHours(2));

        List<SecretFinding> findings = SecretDetector.withDefaults()
                .detect(new TextSource(Location.BODY_PLAIN, "1", "Sorry - the password is Kettle-Orchard-42"));
        List<PasswordForAttachment> links = correlator.correlate("sam@party.example", List.of("jo@example.org",
                "nobody@example.org"), findings);

        assertThat(links).singleElement().satisfies(link -> {
            assertThat(link.recipient()).isEqualTo("jo@example.org");
            assertThat(link.earlier().fileName()).isEqualTo("Ward list.zip");
            assertThat(link.earlier().sentAt()).isEqualTo(Instant.parse("2026-11-16T09:00:00Z"));
            assertThat(link.toString()).doesNotContain("Kettle-Orchard-42");
            assertThat(link.explain(java.time.ZoneId.of("Europe/London")))
                    .contains("\"Ward list.zip\"", "16 November 2026 at 09:00", "jo@example.org", "K*****-")
                    .doesNotContain("Kettle-Orchard-42");
        });
    }

    @Test
    void noFindingsNoLink() {
        TestClock clock = new TestClock(Instant.parse("2026-11-16T09:00:00Z"));
        PasswordCorrelator correlator = new PasswordCorrelator(new FileEncryptedSendLog(folder.resolve("state"),
                InstallationKey.of(new byte[32]), Duration.ofDays(7), clock));
        correlator.rememberEncrypted("sam@party.example", List.of("jo@example.org"), List.of("a.zip"), clock.instant());
        assertThat(correlator.correlate("sam@party.example", List.of("jo@example.org"), List.of())).isEmpty();
    }
}
