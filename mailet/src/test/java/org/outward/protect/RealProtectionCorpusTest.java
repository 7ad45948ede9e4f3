package org.outward.protect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.apache.tika.Tika;
import org.junit.jupiter.api.Test;
import org.outward.fixtures.RealCorpus;
import org.outward.fixtures.RealProtectionFile;

/**
 * Every file of {@code test-fixtures/real/protection/} (other projects' test files and files made with real tools,
 * each labelled by an independent tool) gets exactly the level and scheme of its manifest. A verdict the manifest
 * records as a known miss is listed and counted, not failed: the label stays what the tool showed.
 */
class RealProtectionCorpusTest {

    private static final Tika TIKA = new Tika();
    private static final ProtectionChecks CHECKS = ProtectionChecks.defaults();

    @Test
    void everyFileGetsItsVerifiedLevelAndScheme() throws Exception {
        List<String> wrong = new ArrayList<>();
        List<String> knownMisses = new ArrayList<>();
        List<String> missedNoMore = new ArrayList<>();
        Map<String, int[]> perFamily = new TreeMap<>();
        for (RealProtectionFile file : RealCorpus.protection()) {
            // Detect as the walk does: from the content, with the name as a hint.
            String type = TIKA.detect(file.file());
            Protection protection = CHECKS.assess(file.file(), type, file.file().getFileName().toString());
            String actual = protection.level().word() + "|" + protection.scheme();
            int[] counts = perFamily.computeIfAbsent(family(file.path()), f -> new int[2]);
            counts[0]++;
            if (actual.equals(file.expected())) {
                if (!file.knownMiss().isEmpty()) {
                    missedNoMore.add(file.path());
                }
            } else if (actual.equals(file.knownMiss())) {
                counts[1]++;
                knownMisses.add(file.path() + ": expected " + file.expected() + ", gateway says " + actual);
            } else {
                wrong.add(file.path() + " (detected as " + type + "): expected " + file.expected() + ", got " + actual);
            }
        }
        System.out.println("real protection corpus: " + RealCorpus.protection().size() + " files, "
                + knownMisses.size() + " known misses");
        perFamily.forEach((family, c) -> System.out.println("  " + family + ": " + c[0] + " files, " + c[1]
                + " known misses"));
        knownMisses.forEach(m -> System.out.println("  known miss: " + m));
        missedNoMore.forEach(m -> System.out.println("  right now, remove known_miss from the manifest: " + m));
        assertThat(wrong).as("verdicts that differ from the verified label").isEmpty();
    }

    @Test
    void theManifestListsEveryFileWithItsEvidence() {
        List<RealProtectionFile> files = RealCorpus.protection();
        assertThat(files).hasSizeGreaterThanOrEqualTo(120);
        assertThat(files.stream().map(RealProtectionFile::path).sorted().toList())
                .isEqualTo(RealCorpus.filesIn("protection"));
        for (RealProtectionFile file : files) {
            assertThat(file.level()).as(file.path()).isIn("strong", "weak", "none", "unknown");
            assertThat(file.source()).as("source of " + file.path()).isNotBlank();
            assertThat(file.licence()).as("licence of " + file.path()).isNotBlank();
            assertThat(file.verifiedBy()).as("independent check of " + file.path()).isNotBlank();
            if (file.level().equals("unknown")) {
                assertThat(file.why()).as("why " + file.path() + " cannot be decided").isNotBlank();
            }
        }
    }

    /** The corpus's families: an archive, PDF, Office, OpenPGP or CMS file, named by the file's extension. */
    private static String family(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        String extension = name.substring(name.lastIndexOf('.') + 1);
        return switch (extension) {
            case "doc", "xls", "ppt" -> "Office 97-2003";
            case "docx", "xlsx", "xlsb", "pptx" -> "Office 2007+";
            case "odt", "ods" -> "OpenDocument";
            case "gpg", "pgp", "asc" -> "OpenPGP";
            case "p7m", "p7s", "p7c", "p7z", "pem" -> "CMS";
            case "pages" -> "iWork";
            default -> extension;
        };
    }
}
