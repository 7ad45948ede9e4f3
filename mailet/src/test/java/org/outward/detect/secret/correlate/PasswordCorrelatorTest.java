package org.outward.detect.secret.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outward.detect.secret.Location;
import org.outward.detect.secret.SecretDetector;
import org.outward.detect.secret.SecretFinding;
import org.outward.detect.secret.TextSource;
import org.outward.detect.secret.TokenFinding;
import org.outward.installation.InstallationKey;

class PasswordCorrelatorTest {

    @TempDir
    Path folder;

    @Test
    void aLaterPasswordIsTiedToTheEarlierEncryptedAttachment() {
        TestClock clock = new TestClock(Instant.parse("2026-11-16T09:00:00Z"));
        PasswordCorrelator correlator = new PasswordCorrelator(new FileEncryptedSendLog(folder.resolve("state"),
                InstallationKey.of(new byte[32]), Duration.ofDays(7), clock));
        correlator.remember("sam@party.example", List.of("jo@example.org", "ali@example.org"),
                List.of(EncryptedFile.named("Ward list.zip")), clock.instant());
        clock.advance(Duration.ofHours(2));

        List<TokenFinding> findings = SecretDetector.withDefaults().findTokens(
                List.of(new TextSource(Location.BODY_PLAIN, "1", "Sorry - the password is Kettle-Orchard-42")));
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
    void aTokenThatOpensAnEarlierFileIsItsPasswordForCertain() {
        TestClock clock = new TestClock(Instant.parse("2026-11-16T09:00:00Z"));
        Counting tests = new Counting();
        PasswordCorrelator correlator = checking(clock, InstallationKey.of(new byte[32]), tests);
        correlator.remember(SAM, List.of(JO), List.of(file("walk-sheets.7z", "Kq7!mzP4wR2x")), clock.instant());
        clock.advance(Duration.ofHours(1));
        correlator.remember(SAM, List.of(JO), List.of(file("minutes.zip", "Other-pass-99")), clock.instant());

        List<PasswordForAttachment> links = correlator.correlate(SAM, List.of(JO), List.of(token("Kq7!mzP4wR2x")));

        assertThat(links).singleElement().satisfies(link -> {
            assertThat(link.earlier().fileName()).isEqualTo("walk-sheets.7z");
            assertThat(link.opens()).isTrue();
            assertThat(link.explain(java.time.ZoneId.of("Europe/London"))).startsWith("This is the password");
        });
    }

    @Test
    void aTokenThatOpensNoneOfTheCheckedFilesIsNotTiedToThem() {
        TestClock clock = new TestClock(Instant.parse("2026-11-16T09:00:00Z"));
        PasswordCorrelator correlator = checking(clock, InstallationKey.of(new byte[32]), new Counting());
        correlator.remember(SAM, List.of(JO), List.of(file("walk-sheets.7z", "Kq7!mzP4wR2x")), clock.instant());

        assertThat(correlator.correlate(SAM, List.of(JO), List.of(token("Quiz-Team-2026!")))).isEmpty();
    }

    @Test
    void aFileWithoutACheckIsTiedByTheHeuristicsAsBefore() {
        TestClock clock = new TestClock(Instant.parse("2026-11-16T09:00:00Z"));
        PasswordCorrelator correlator = checking(clock, InstallationKey.of(new byte[32]), new Counting());
        correlator.remember(SAM, List.of(JO), List.of(EncryptedFile.named("old-format.xls")), clock.instant());
        correlator.remember(SAM, List.of(JO), List.of(file("walk-sheets.7z", "Kq7!mzP4wR2x")), clock.instant());

        assertThat(correlator.correlate(SAM, List.of(JO), List.of(token("Quiz-Team-2026!"))))
                .singleElement().satisfies(link -> {
                    assertThat(link.earlier().fileName()).isEqualTo("old-format.xls");
                    assertThat(link.opens()).isFalse();
                });
    }

    @Test
    void aCheckSealedUnderAnotherKeyOrForAnotherSendIsNotTrusted() {
        TestClock clock = new TestClock(Instant.parse("2026-11-16T09:00:00Z"));
        Path state = folder.resolve("state");
        FileEncryptedSendLog log = new FileEncryptedSendLog(state, InstallationKey.of(new byte[32]), Duration.ofDays(7), clock);
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        new PasswordCorrelator(log, InstallationKey.of(otherKey), HashCheck::decode)
                .remember(SAM, List.of(JO), List.of(file("walk-sheets.7z", "Kq7!mzP4wR2x")), clock.instant());
        // Another node's row copied to a different pair: bound to its own send, so it does not open here.
        SealedCheck moved = log.recent(SAM, JO).get(0).check();
        log.record(SAM, "ali@example.org", "walk-sheets.7z", clock.instant(), moved);

        PasswordCorrelator correlator = new PasswordCorrelator(log, InstallationKey.of(new byte[32]), HashCheck::decode);
        List<PasswordForAttachment> links = correlator.correlate(SAM, List.of(JO, "ali@example.org"),
                List.of(token("Kq7!mzP4wR2x")));

        assertThat(links).hasSize(2).allSatisfy(link -> assertThat(link.opens()).isFalse());
    }

    @Test
    void theStateHoldsTheCheckOnlySealed() throws Exception {
        TestClock clock = new TestClock(Instant.parse("2026-11-16T09:00:00Z"));
        PasswordCorrelator correlator = checking(clock, InstallationKey.of(new byte[32]), new Counting());
        HashCheck check = HashCheck.of("Kq7!mzP4wR2x");
        correlator.remember(SAM, List.of(JO), List.of(new EncryptedFile("walk-sheets.7z", Optional.of(check))),
                clock.instant());

        String stored = java.nio.file.Files.readString(folder.resolve("state"));
        assertThat(stored).doesNotContain(java.util.Base64.getEncoder().encodeToString(check.encode()))
                .doesNotContain("Kq7!mzP4wR2x").doesNotContain("walk-sheets");
    }

    @Test
    void slowChecksAreTriedAtMostABoundedNumberOfTimesPerMessage() {
        TestClock clock = new TestClock(Instant.parse("2026-11-16T09:00:00Z"));
        Counting tests = new Counting();
        PasswordCorrelator correlator = checking(clock, InstallationKey.of(new byte[32]), tests);
        for (int i = 0; i < 20; i++) {
            correlator.remember(SAM, List.of(JO), List.of(file("f" + i + ".7z", "Pass-" + i + "-word")), clock.instant());
        }

        correlator.correlate(SAM, List.of(JO), List.of(token("Nope-1-word"), token("Nope-2-word")));

        assertThat(tests.count).isEqualTo(PasswordCorrelator.MAX_TESTS_PER_MESSAGE);
    }

    private static final String SAM = "sam@party.example";
    private static final String JO = "jo@example.org";

    private PasswordCorrelator checking(TestClock clock, InstallationKey key, Counting tests) {
        return new PasswordCorrelator(new FileEncryptedSendLog(folder.resolve("state"), key, Duration.ofDays(7), clock),
                key, bytes -> HashCheck.decode(bytes).map(check -> tests.wrap(check)));
    }

    private static EncryptedFile file(String name, String password) {
        return new EncryptedFile(name, Optional.of(HashCheck.of(password)));
    }

    private static TokenFinding token(String token) {
        return new TokenFinding(new SecretFinding(Location.BODY_PLAIN, "1", 1, "follow-up", "Password",
                "Password: ****", 0.8), token);
    }

    /** A salted SHA-256 of the password: a real check of the same kind a file format keeps. */
    private record HashCheck(byte[] salt, byte[] digest) implements PasswordTest {

        static HashCheck of(String password) {
            byte[] salt = new byte[16];
            new java.security.SecureRandom().nextBytes(salt);
            return new HashCheck(salt, digest(salt, password));
        }

        static Optional<PasswordTest> decode(byte[] bytes) {
            return bytes.length == 48 ? Optional.of(new HashCheck(java.util.Arrays.copyOf(bytes, 16),
                    java.util.Arrays.copyOfRange(bytes, 16, 48))) : Optional.empty();
        }

        private static byte[] digest(byte[] salt, String password) {
            try {
                var sha = java.security.MessageDigest.getInstance("SHA-256");
                sha.update(salt);
                return sha.digest(password.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public boolean opens(String candidate) {
            return java.security.MessageDigest.isEqual(digest, digest(salt, candidate));
        }

        @Override
        public byte[] encode() {
            return java.nio.ByteBuffer.allocate(48).put(salt).put(digest).array();
        }
    }

    /** Counts how often any check is tried. */
    private static final class Counting {
        int count;

        PasswordTest wrap(PasswordTest check) {
            return new PasswordTest() {
                @Override
                public boolean opens(String candidate) {
                    count++;
                    return check.opens(candidate);
                }

                @Override
                public byte[] encode() {
                    return check.encode();
                }
            };
        }
    }

    @Test
    void noFindingsNoLink() {
        TestClock clock = new TestClock(Instant.parse("2026-11-16T09:00:00Z"));
        PasswordCorrelator correlator = new PasswordCorrelator(new FileEncryptedSendLog(folder.resolve("state"),
                InstallationKey.of(new byte[32]), Duration.ofDays(7), clock));
        correlator.remember("sam@party.example", List.of("jo@example.org"), List.of(EncryptedFile.named("a.zip")),
                clock.instant());
        assertThat(correlator.correlate("sam@party.example", List.of("jo@example.org"), List.of())).isEmpty();
    }
}
