package org.outward.protect.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.tika.Tika;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.outward.fixtures.Fixtures;
import org.outward.fixtures.ProtectionFixture;

/**
 * Every encrypted fixture in {@code test-fixtures/files/protection.csv} (all made with the password
 * {@code Outward-fixture-1}) gives the check its format keeps, which opens with that password and with no near
 * miss, survives encoding, and never shows itself in {@code toString()}. Formats with no reader give no check.
 */
class PasswordCheckFixturesTest {

    static final String PASSWORD = "Outward-fixture-1";
    static final List<String> NEAR_MISSES = List.of("Outward-fixture-2", "outward-fixture-1", "", "Outward-fixture-",
            "Outward-fixture-1 ", "x".repeat(64), "Outward-fixture-1".repeat(4).substring(0, 64));

    private static final Tika TIKA = new Tika();
    private static final PasswordCheckReaders READERS = PasswordCheckReaders.defaults();

    /** The format each encrypted fixture's scheme must give; schemes not listed give no check. */
    private static final Map<String, CheckFormat> FORMATS = Map.ofEntries(
            Map.entry("ZIP ZipCrypto", CheckFormat.ZIP_CRYPTO),
            Map.entry("ZIP WinZip AES-128", CheckFormat.ZIP_AES),
            Map.entry("ZIP WinZip AES-256", CheckFormat.ZIP_AES),
            Map.entry("OOXML Agile AES-256", CheckFormat.OOXML),
            Map.entry("OOXML Agile AES-128", CheckFormat.OOXML),
            Map.entry("OOXML Standard AES-128", CheckFormat.OOXML),
            Map.entry("PDF AES-256 user password", CheckFormat.PDF),
            Map.entry("PDF AES-128 user password", CheckFormat.PDF),
            Map.entry("PDF RC4-128 user password", CheckFormat.PDF),
            Map.entry("PDF RC4-40 user password", CheckFormat.PDF),
            Map.entry("ODF AES-256-CBC", CheckFormat.ODF),
            Map.entry("ODF Blowfish CFB", CheckFormat.ODF),
            Map.entry("OpenPGP passphrase AES-256", CheckFormat.OPENPGP),
            Map.entry("7z AES-256", CheckFormat.SEVEN_ZIP),
            Map.entry("Excel 97-2003 CryptoAPI RC4", CheckFormat.OFFICE_97),
            Map.entry("Word 97-2003 CryptoAPI RC4", CheckFormat.OFFICE_97));
    /** Encrypted fixtures whose format has a reader but which hold no check it keeps. */
    private static final List<String> NO_CHECK = List.of(
            // Names readable: the header is in the clear, and testing a password would mean unpacking data.
            "files/7z/aes256-names-visible.7z");

    @TempDir
    Path folder;

    static Stream<ProtectionFixture> encrypted() {
        return Fixtures.protection().stream().filter(f -> f.level().equals("strong") || f.level().equals("weak"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("encrypted")
    void theFileOwnCheckOpensWithItsPasswordOnly(ProtectionFixture fixture) throws Exception {
        Path file = fixture.copyTo(folder);

        Optional<PasswordCheck> read = READERS.read(file, TIKA.detect(file));

        CheckFormat expected = NO_CHECK.contains(fixture.path()) ? null : FORMATS.get(fixture.scheme());
        if (expected == null) {
            assertThat(read).as("no reader for " + fixture.scheme()).isEmpty();
            return;
        }
        PasswordCheck check = read.orElseThrow(() -> new AssertionError("no check for " + fixture));
        assertThat(check.format()).isEqualTo(expected);
        assertThat(check.opens(PASSWORD)).as("opens with the password").isTrue();
        for (String miss : NEAR_MISSES) {
            // ZIP's and OpenPGP's verifiers are short (16 bits an AES entry or a PGP message, 8 a ZipCrypto
            // entry): a wrong password passes
            // with the odds falseMatchOdds() states, so these fixed near misses are a fixed, seen outcome.
            assertThat(check.opens(miss)).as("near miss of length %d opens (odds %s)", miss.length(),
                    check.falseMatchOdds()).isFalse();
        }

        PasswordCheck decoded = PasswordCheck.decode(check.encode());
        assertThat(decoded).isEqualTo(check);
        assertThat(decoded.opens(PASSWORD)).isTrue();
        assertThat(decoded.opens("Outward-fixture-2")).isFalse();

        assertThat(check.toString()).isEqualTo("PasswordCheck[" + expected.words() + "]").doesNotContain(PASSWORD);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("encrypted")
    void certaintyFollowsTheVerifierLength(ProtectionFixture fixture) throws Exception {
        Path file = fixture.copyTo(folder);
        Optional<PasswordCheck> read = READERS.read(file, TIKA.detect(file));
        read.ifPresent(check -> {
            if (check.verifierBits() < 32) {
                // One ZIP entry (16 or 8 bits) or an OpenPGP quick check (16 bits).
                assertThat(check.format()).isIn(CheckFormat.ZIP_AES, CheckFormat.ZIP_CRYPTO, CheckFormat.OPENPGP);
                assertThat(check.certainty()).isEqualTo(Certainty.LIKELY);
                assertThat(check.falseMatchOdds()).startsWith("1 in ");
            } else {
                assertThat(check.certainty()).isEqualTo(Certainty.CERTAIN);
            }
        });
    }
}
