package org.outward.protect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.tika.Tika;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.outward.fixtures.Fixtures;
import org.outward.fixtures.ProtectionFixture;

/** Every real-tool fixture in {@code test-fixtures/files/protection.csv} gets exactly its expected verdict. */
class ProtectionFixturesTest {

    private static final Tika TIKA = new Tika();
    private static final ProtectionChecks CHECKS = ProtectionChecks.defaults();

    @TempDir
    Path folder;

    static Stream<ProtectionFixture> fixtures() {
        return Fixtures.protection().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void verdictAndSchemeAsListed(ProtectionFixture fixture) throws Exception {
        Path file = fixture.copyTo(folder);
        // Detect as the walk does: from the content, not the name.
        String type = TIKA.detect(file);

        Protection protection = CHECKS.assess(file, type, fixture.fileName());

        assertThat(protection.level().word()).as("level (detected as %s)", type).isEqualTo(fixture.level());
        assertThat(protection.scheme()).as("scheme").isEqualTo(fixture.scheme());
    }

    @Test
    void aTypeThatSaysNothingStillFindsTheFormatByMagic() {
        for (ProtectionFixture fixture : Fixtures.protection()) {
            if (fixture.path().startsWith("files/plain/") || fixture.path().endsWith("signed-only.gpg")) {
                // No magic of ours: plain files, and a signed OpenPGP message, which starts with a compressed
                // packet like any other; generic bytes without a magic are unknown by design.
                continue;
            }
            Path file = fixture.copyTo(folder);
            Protection protection = CHECKS.assess(file, "application/octet-stream", "");
            assertThat(protection.level().word()).as(fixture.path()).isEqualTo(fixture.level());
        }
    }

    @Test
    void partlyEncryptedZipReportsEachEntryAndCountsTheOpenOnes() {
        Path file = Fixtures.protection().stream().filter(f -> f.path().endsWith("partly-encrypted.zip"))
                .findFirst().orElseThrow().copyTo(folder);

        Protection protection = CHECKS.assess(file, "application/zip", "partly-encrypted.zip");

        assertThat(protection.entries()).containsExactlyInAnyOrder(
                new Protection.EntryProtection("notes.txt", ProtectionLevel.NONE, "none"),
                new Protection.EntryProtection("members.csv", ProtectionLevel.STRONG, "ZIP WinZip AES-256"));
        assertThat(protection.notes()).containsExactly("1 of 2 entries are not encrypted");
    }

    @Test
    void sevenZipSaysWhetherFileNamesAreEncrypted() {
        List<ProtectionFixture> all = Fixtures.protection();
        Path hidden = all.stream().filter(f -> f.path().endsWith("aes256-names-encrypted.7z")).findFirst().orElseThrow()
                .copyTo(folder);
        Path visible = all.stream().filter(f -> f.path().endsWith("aes256-names-visible.7z")).findFirst().orElseThrow()
                .copyTo(folder);

        assertThat(CHECKS.assess(hidden, "application/x-7z-compressed", "").notes())
                .containsExactly("file names are encrypted too");
        Protection names = CHECKS.assess(visible, "application/x-7z-compressed", "");
        assertThat(names.notes()).containsExactly("file names are not encrypted");
        assertThat(names.entries()).extracting(Protection.EntryProtection::name)
                .containsExactlyInAnyOrder("members.csv", "notes.txt");
    }

    @Test
    void anOwnerPasswordPdfSaysItOpensWithoutAPassword() {
        Path file = Fixtures.protection().stream().filter(f -> f.path().endsWith("aes256-owner-only.pdf"))
                .findFirst().orElseThrow().copyTo(folder);

        assertThat(CHECKS.assess(file, "application/pdf", "").notes())
                .containsExactly("opens without a password: only an owner password (permission flags) is set");
    }
}
