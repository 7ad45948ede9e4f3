package org.outward.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZOutputFile;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outward.protect.Protection;
import org.outward.protect.ProtectionLevel;

class ArchiveInspectionTest {

    static MessageInspector inspector;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        inspector = new MessageInspector(InspectionLimits.defaults().withMaxTotalExpandedBytes(64L << 20)
                .withMaxPartBytes(16L << 20), (f, t, n) -> Protection.none());
    }

    @AfterAll
    static void stop() {
        inspector.close();
    }

    private Inspection inspect(byte[] bytes, String name) throws IOException {
        Path file = dir.resolve("in-" + System.nanoTime());
        Files.write(file, bytes);
        return inspector.inspectFile(file, name);
    }

    @Test
    void zipEntriesGetPathsTypesAndText() throws Exception {
        Inspection inspection = inspect(Samples.zip("data/members.csv", Samples.csv(),
                "canvass.xlsx", Samples.xlsx()), "export.zip");

        assertThat(inspection.parts()).extracting(InspectedPart::path).containsExactly(
                "1/export.zip", "1/export.zip/1/data/members.csv", "1/export.zip/2/canvass.xlsx");
        assertThat(inspection.parts().get(0).detectedType()).isEqualTo("application/zip");
        assertThat(inspection.parts().get(2).text().tables().get(0).name()).isEqualTo("Canvass");
        assertThat(inspection.findings()).isEmpty();
    }

    @Test
    void bzip2AndXzAreOpened() throws Exception {
        ByteArrayOutputStream bz = new ByteArrayOutputStream();
        try (var out = new BZip2CompressorOutputStream(bz)) {
            out.write(Samples.csv());
        }
        ByteArrayOutputStream xz = new ByteArrayOutputStream();
        try (var out = new XZCompressorOutputStream(xz)) {
            out.write(Samples.csv());
        }
        assertThat(inspect(bz.toByteArray(), "people.csv.bz2").parts()).extracting(InspectedPart::path)
                .containsExactly("1/people.csv.bz2", "1/people.csv.bz2/1/people.csv");
        Inspection x = inspect(xz.toByteArray(), "people.csv.xz");
        assertThat(x.part("1/people.csv.xz/1/people.csv").orElseThrow().text().tables()).hasSize(1);
    }

    @Test
    void sevenZipIsOpenedAndABrokenHeaderIsUnreadableNotAnException() throws Exception {
        Path seven = dir.resolve("a.7z");
        try (SevenZOutputFile out = new SevenZOutputFile(seven.toFile())) {
            SevenZArchiveEntry entry = new SevenZArchiveEntry();
            entry.setName("people.csv");
            out.putArchiveEntry(entry);
            out.write(Samples.csv());
            out.closeArchiveEntry();
        }
        byte[] good = Files.readAllBytes(seven);
        Inspection ok = inspector.inspectFile(seven, "a.7z");
        assertThat(ok.part("1/a.7z/1/people.csv").orElseThrow().text().tables()).hasSize(1);

        byte[] broken = good.clone();
        // The start header points at the end header: make it point past the end of the file.
        for (int i = 12; i < 20; i++) {
            broken[i] = (byte) 0x7f;
        }
        Inspection bad = inspect(broken, "b.7z");
        assertThat(bad.part("1/b.7z").orElseThrow().detectedType()).isEqualTo("application/x-7z-compressed");
        assertThat(bad.findings(FindingKind.UNREADABLE)).isNotEmpty();
    }

    @Test
    void zipWhoseCentralDirectoryLiesIsReadFromLocalHeaders() throws Exception {
        byte[] zip = Samples.zip("people.csv", Samples.csv());
        int eocd = lastIndexOf(zip, new byte[] {0x50, 0x4b, 0x05, 0x06});
        ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN).putInt(eocd + 16, 0x7fff_0000);

        Inspection inspection = inspect(zip, "lies.zip");

        assertThat(inspection.part("1/lies.zip/1/people.csv")).isPresent();
    }

    @Test
    void entryDeclaredAsOneGigabyteIsNotExpanded() throws Exception {
        byte[] zip = Samples.zip("huge.csv", Samples.csv());
        ByteBuffer buf = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int central = lastIndexOf(zip, new byte[] {0x50, 0x4b, 0x01, 0x02});
        buf.putInt(central + 24, 1 << 30);
        buf.putInt(22, 1 << 30);

        Inspection inspection = inspect(zip, "big.zip");

        assertThat(inspection.findings(FindingKind.PART_SIZE_LIMIT)).singleElement()
                .satisfies(f -> assertThat(f.detail()).contains("declared 1073741824"));
        assertThat(inspection.part("1/big.zip/1/huge.csv").orElseThrow().protection().level())
                .isEqualTo(ProtectionLevel.UNKNOWN);
    }

    @Test
    void nestedZipBombStopsAtALimitQuickly() throws Exception {
        // 42.zip in miniature: 16 MiB of zeros, then layers of zips each holding several copies of the layer below.
        byte[] layer = Samples.zip("0.bin", new byte[16 << 20]);
        for (int depth = 1; depth <= 4; depth++) {
            layer = Samples.zip("a.zip", layer, "b.zip", layer, "c.zip", layer, "d.zip", layer);
        }
        assertThat(layer.length).isLessThan(200_000);

        long start = System.nanoTime();
        Inspection inspection = inspect(layer, "42.zip");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).isLessThan(Duration.ofSeconds(10));
        // The nest is judged against the outermost archive: one ratio finding, a few MiB expanded, not 4 GiB.
        assertThat(inspection.findings(FindingKind.COMPRESSION_RATIO_LIMIT)).singleElement()
                .satisfies(f -> assertThat(f.detail()).contains("1/42.zip;"));
        long expanded = inspection.parts().stream().mapToLong(InspectedPart::size).sum();
        assertThat(expanded).isLessThanOrEqualTo(InspectionLimits.RATIO_GRACE_BYTES + layer.length);
    }

    @Test
    void deeplyNestedArchivesHitTheDepthLimit() throws Exception {
        byte[] layer = Samples.csv();
        String name = "people.csv";
        for (int depth = 1; depth <= 12; depth++) {
            layer = Samples.zip(name, layer);
            name = "layer" + depth + ".zip";
        }
        Inspection inspection = inspect(layer, "deep.zip");
        assertThat(inspection.findings(FindingKind.DEPTH_LIMIT)).hasSize(1);
        assertThat(inspection.parts()).hasSize(11);
    }

    @Test
    void entryCountLimitIsAFinding() throws Exception {
        Object[] entries = new Object[2 * 30];
        for (int i = 0; i < 30; i++) {
            entries[2 * i] = "f" + i + ".txt";
            entries[2 * i + 1] = new byte[] {'x'};
        }
        try (MessageInspector few = new MessageInspector(InspectionLimits.defaults().withMaxArchiveEntries(10),
                (f, t, n) -> Protection.none())) {
            Path file = dir.resolve("many.zip");
            Files.write(file, Samples.zip(entries));
            Inspection inspection = few.inspectFile(file, "many.zip");
            assertThat(inspection.findings(FindingKind.ENTRY_LIMIT)).hasSize(1);
            assertThat(inspection.parts()).hasSize(11);
        }
    }

    @Test
    void encryptedZipEntriesAreListedWithTheContainersVerdict() throws Exception {
        Path plain = dir.resolve("people.csv");
        Files.write(plain, Samples.csv());
        Path zip = dir.resolve("secret.zip");
        Process p = new ProcessBuilder("zip", "-j", "-q", "-P", "correct horse", zip.toString(), plain.toString())
                .redirectErrorStream(true).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(p.waitFor() == 0, "Info-ZIP zip is installed");

        List<String> askedTypes = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (MessageInspector judged = new MessageInspector(InspectionLimits.defaults(), (f, t, n) -> {
            askedTypes.add(t);
            return n.equals("secret.zip")
                    ? new Protection(ProtectionLevel.WEAK, "ZIP ZipCrypto",
                            List.of(new Protection.EntryProtection("people.csv", ProtectionLevel.WEAK, "ZipCrypto")),
                            List.of("file names are not encrypted"))
                    : Protection.none();
        })) {
            Inspection inspection = judged.inspectFile(zip, "secret.zip");

            InspectedPart entry = inspection.part("1/secret.zip/1/people.csv").orElseThrow();
            assertThat(entry.protection().level()).isEqualTo(ProtectionLevel.WEAK);
            assertThat(entry.protection().scheme()).isEqualTo("ZipCrypto");
            assertThat(entry.text()).isEqualTo(ExtractedText.EMPTY);
            assertThat(inspection.findings(FindingKind.ENCRYPTED_ENTRY)).hasSize(1);
            assertThat(askedTypes).containsExactly("application/zip");
        }
    }

    private static int lastIndexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = data.length - pattern.length; i >= 0; i--) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("pattern not found");
    }
}
