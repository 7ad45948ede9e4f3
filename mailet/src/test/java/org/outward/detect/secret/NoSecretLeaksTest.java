package org.outward.detect.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outward.detect.secret.correlate.EncryptedFile;
import org.outward.detect.secret.correlate.FileEncryptedSendLog;
import org.outward.detect.secret.correlate.PasswordCorrelator;
import org.outward.detect.secret.correlate.PasswordForAttachment;
import org.outward.installation.InstallationKey;

/**
 * Plants secrets in every place the detector reads and checks that none of them comes back out: not in a
 * finding, its text or toString, not in a correlation link or the correlation state, not on standard output
 * or error, not in exception messages.
 */
class NoSecretLeaksTest {

    private static final List<String> PLANTED = List.of("Kettle-Orchard-42", "Tr0ub4dor&3", "x7Kd#pq92Lm",
            "Cwtch#2026", "Saffron!Tidal4", "839201", "Heron!Copper5");

    @TempDir
    Path folder;

    private static Stream<TextSource> sources(String secret) {
        return Stream.of(
                TextSource.subject("Password for the zip: " + secret),
                new TextSource(Location.BODY_PLAIN, "1", "Hi,\n\nThe password is " + secret + "\n\nSam"),
                new TextSource(Location.BODY_HTML, "1.2", "Password: " + secret),
                new TextSource(Location.BODY_PLAIN, "1", "FYI\n\nOn Mon, Jo <jo@x.org> wrote:\n> pw = " + secret),
                new TextSource(Location.ATTACHMENT, "2", "password.txt", secret + "\n"),
                new TextSource(Location.BODY_PLAIN, "1", "Y cyfrinair yw " + secret),
                new TextSource(Location.BODY_PLAIN, "1", "Username: jo / " + secret),
                new TextSource(Location.BODY_PLAIN, "1", "Use " + secret + " to open it"));
    }

    @Test
    void plantedSecretsNeverComeBackOut() throws Exception {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        List<String> written = new ArrayList<>();
        Path state = folder.resolve("state");
        try (PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            System.setErr(capture);
            SecretDetector detector = SecretDetector.withDefaults();
            Clock clock = Clock.fixed(Instant.parse("2026-11-16T09:00:00Z"), ZoneOffset.UTC);
            PasswordCorrelator correlator = new PasswordCorrelator(new FileEncryptedSendLog(state,
                    InstallationKey.of(new byte[32]), Duration.ofDays(7), clock));
            correlator.remember("sam@party.example", List.of("jo@example.org"), List.of(EncryptedFile.named("list.zip")),
                    clock.instant());
            for (String secret : PLANTED) {
                List<TextSource> planted = sources(secret).toList();
                List<TokenFinding> tokens = detector.findTokens(planted);
                List<SecretFinding> findings = tokens.stream().map(TokenFinding::finding).toList();
                assertThat(findings).as("findings for a planted secret").hasSizeGreaterThanOrEqualTo(planted.size());
                for (SecretFinding f : findings) {
                    written.add(f.toString());
                    written.add(f.redacted());
                    written.add(f.where());
                    written.add(f.cue());
                }
                tokens.forEach(t -> written.add(t.toString()));
                for (PasswordForAttachment link : correlator.correlate("sam@party.example", List.of("jo@example.org"),
                        tokens)) {
                    written.add(link.toString());
                }
                planted.forEach(s -> written.add(s.toString()));
            }
            written.add(messageOf(() -> new SecretFinding(Location.BODY_PLAIN, "1", 1, "labelled", "Password",
                    "Password: ****", 2)));
            written.add(messageOf(() -> new TextSource(null, "1", "Password: " + PLANTED.get(0))));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        written.add(captured.toString(StandardCharsets.UTF_8));
        written.add(Files.readString(state, StandardCharsets.UTF_8));
        for (String secret : PLANTED) {
            for (String text : written) {
                assertThat(text).as("output must not contain a planted secret").doesNotContain(secret);
            }
        }
    }

    private static String messageOf(Runnable action) {
        Throwable thrown = catchThrowable(action::run);
        assertThat(thrown).isNotNull();
        return String.valueOf(thrown.getMessage()) + thrown;
    }
}
