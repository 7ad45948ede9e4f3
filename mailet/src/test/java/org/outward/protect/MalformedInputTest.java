package org.outward.protect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outward.fixtures.Fixtures;

/**
 * Broken and hostile input: every case ends in a verdict (usually unknown), never an exception, quickly.
 * The broken files are derived from the real fixtures by cutting or overwriting header fields.
 */
class MalformedInputTest {

    private static final Duration QUICKLY = Duration.ofSeconds(15);
    private final ProtectionChecks checks = ProtectionChecks.defaults(Duration.ofSeconds(5));

    @TempDir
    Path folder;

    private byte[] fixture(String suffix) {
        return Fixtures.protection().stream().filter(f -> f.path().endsWith(suffix)).findFirst().orElseThrow().bytes();
    }

    private Protection assess(byte[] bytes, String mediaType) throws Exception {
        Path file = Files.createTempFile(folder, "case", ".bin");
        Files.write(file, bytes);
        return assertTimeoutPreemptively(QUICKLY, () -> checks.assess(file, mediaType, "case.bin"));
    }

    @Test
    void truncated7zHeaderIsUnknown() throws Exception {
        byte[] whole = fixture("aes256-names-visible.7z");
        // 7z keeps its header at the end of the file: cutting the tail truncates it.
        Protection protection = assess(Arrays.copyOf(whole, whole.length - 40), "application/x-7z-compressed");
        assertThat(protection.level()).isEqualTo(ProtectionLevel.UNKNOWN);
        assertThat(protection.scheme()).startsWith("malformed 7z");
    }

    @Test
    void zipWhoseCentralDirectoryPointsElsewhereIsUnknownOrCorrect() throws Exception {
        byte[] zip = fixture("zip/aes256-7zip.zip").clone();
        ByteBuffer buffer = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int eocd = zip.length - 22;
        assertThat(buffer.getInt(eocd)).isEqualTo(0x06054b50);
        buffer.putInt(eocd + 16, buffer.getInt(eocd + 16) + 7); // central directory offset lies

        Protection protection = assess(zip, "application/zip");
        assertThat(protection.level()).isIn(ProtectionLevel.UNKNOWN, ProtectionLevel.STRONG);
    }

    @Test
    void zipWhoseCentralDirectoryClaimsEncryptionForPlainDataIsNotStrong() throws Exception {
        byte[] zip = fixture("zip/plain.zip").clone();
        ByteBuffer buffer = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int eocd = zip.length - 22;
        int central = buffer.getInt(eocd + 16);
        buffer.putShort(central + 8, (short) (buffer.getShort(central + 8) | 1)); // "encrypted", in the directory only

        Protection protection = assess(zip, "application/zip");
        assertThat(protection.level()).isEqualTo(ProtectionLevel.UNKNOWN);
        assertThat(protection.entries().get(0).scheme()).isEqualTo("ZIP headers disagree");
    }

    @Test
    void aOneGigabyteDeclaredEntryIsJudgedWithoutReadingIt() throws Exception {
        byte[] zip = fixture("zip/aes256-7zip.zip").clone();
        ByteBuffer buffer = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int eocd = zip.length - 22;
        int central = buffer.getInt(eocd + 16);
        buffer.putInt(central + 24, 1 << 30); // uncompressed size in the central directory
        buffer.putInt(22, 1 << 30);          // and in the local header

        Protection protection = assess(zip, "application/zip");
        assertThat(protection.level()).isIn(ProtectionLevel.STRONG, ProtectionLevel.UNKNOWN);
    }

    @Test
    void pdfWithACyclicXrefEndsInAVerdict() throws Exception {
        String body = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
                + "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n";
        int xref = body.length();
        String pdf = body + "xref\n0 3\n0000000000 65535 f \n0000000009 00000 n \n0000000058 00000 n \n"
                + "trailer\n<< /Size 3 /Root 1 0 R /Prev " + xref + " >>\nstartxref\n" + xref + "\n%%EOF\n";

        Protection protection = assess(pdf.getBytes(StandardCharsets.US_ASCII), "application/pdf");
        assertThat(protection.level()).isIn(ProtectionLevel.NONE, ProtectionLevel.UNKNOWN);
    }

    @Test
    void pdfWithATruncatedTrailerEndsInAVerdict() throws Exception {
        byte[] pdf = fixture("pdf/plain.pdf");
        Protection protection = assess(Arrays.copyOf(pdf, pdf.length - 60), "application/pdf");
        assertThat(protection.level()).isIn(ProtectionLevel.NONE, ProtectionLevel.UNKNOWN);
    }

    @Test
    void encryptedPdfWithATruncatedTrailerIsNeverCalledUnprotected() throws Exception {
        byte[] pdf = fixture("pdf/aes256-user.pdf");
        Protection protection = assess(Arrays.copyOf(pdf, pdf.length - 60), "application/pdf");
        assertThat(protection.level()).isIn(ProtectionLevel.STRONG, ProtectionLevel.UNKNOWN);
    }

    @Test
    void garbageWithAnOle2MagicIsUnknown() throws Exception {
        byte[] garbage = new byte[4096];
        new Random(42).nextBytes(garbage);
        System.arraycopy(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
                (byte) 0xE1}, 0, garbage, 0, 8);

        Protection protection = assess(garbage, "application/x-tika-msoffice");
        assertThat(protection.level()).isEqualTo(ProtectionLevel.UNKNOWN);
        assertThat(protection.scheme()).startsWith("malformed OLE2");
    }

    @Test
    void truncatedEncryptedFilesOfEveryKindEndInAVerdict() throws Exception {
        for (var fixture : Fixtures.protection()) {
            byte[] whole = fixture.bytes();
            for (int length : List.of(whole.length / 2, Math.min(whole.length, 40))) {
                Protection protection = assess(Arrays.copyOf(whole, length), "application/octet-stream");
                assertThat(protection).as(fixture.path()).isNotNull();
            }
        }
    }

    @Test
    void unrecognisedBinaryIsUnknownAndAnEmptyFileIsNone() throws Exception {
        byte[] noise = new byte[2048];
        new Random(7).nextBytes(noise);
        noise[0] = 0x01; // not a magic of ours
        assertThat(assess(noise, "application/octet-stream").scheme()).isEqualTo("unrecognised binary data");
        assertThat(assess(new byte[0], "application/octet-stream").level()).isEqualTo(ProtectionLevel.NONE);
    }

    @Test
    void aCheckThatOverrunsItsTimeIsUnknown() throws Exception {
        ProtectionCheck slow = new ProtectionCheck() {
            @Override
            public String format() {
                return "slow";
            }

            @Override
            public Set<String> mediaTypes() {
                return Set.of("application/x-slow");
            }

            @Override
            public boolean hasMagic(FileHead head) {
                return false;
            }

            @Override
            public Protection check(Path file, FileHead head) throws Exception {
                Thread.sleep(60_000);
                return Protection.none();
            }
        };
        Path file = Files.write(folder.resolve("slow.bin"), new byte[] {1});
        ProtectionChecks registry = new ProtectionChecks(List.of(slow), Duration.ofMillis(200));

        Protection protection = assertTimeoutPreemptively(QUICKLY, () -> registry.assess(file, "application/x-slow", ""));
        assertThat(protection).isEqualTo(Protection.unknown("time limit reached reading slow"));
    }
}
