package org.outward.protect.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outward.fixtures.Fixtures;
import org.outward.fixtures.ProtectionFixture;

/**
 * Hostile and broken input: truncated files, absurd iteration counts, huge claimed sizes, random bytes behind
 * the right magic and garbage in place of an encoded check all end in no check or a clean
 * {@link MalformedCheckException}, quickly, and no message or {@code toString()} shows a byte of the check
 * or the candidate.
 */
class PasswordCheckHostileTest {

    private static final Duration QUICKLY = Duration.ofSeconds(10);
    private static final PasswordCheckReaders READERS = PasswordCheckReaders.defaults();

    @TempDir
    Path folder;

    private static ProtectionFixture fixture(String suffix) {
        return Fixtures.protection().stream().filter(f -> f.path().endsWith(suffix)).findFirst().orElseThrow();
    }

    private Optional<PasswordCheck> read(byte[] bytes, String mediaType) throws Exception {
        Path file = Files.createTempFile(folder, "case", ".bin");
        Files.write(file, bytes);
        return assertTimeoutPreemptively(QUICKLY, () -> READERS.read(file, mediaType));
    }

    @Test
    void truncatedFixturesGiveNoCheckOrAWorkingOneQuickly() throws Exception {
        for (ProtectionFixture fixture : Fixtures.protection()) {
            byte[] whole = fixture.bytes();
            for (int length : new int[] {0, 8, 100, whole.length / 2, whole.length - 30}) {
                for (String type : new String[] {"application/octet-stream", "application/zip", "application/pdf",
                        "application/x-tika-ooxml-protected", "application/vnd.oasis.opendocument.text"}) {
                    Optional<PasswordCheck> check = read(Arrays.copyOf(whole, Math.max(0, length)), type);
                    // A cut that leaves the verifier whole may still give a check; then it must be the real one.
                    check.ifPresent(c -> assertThat(c.opens(PasswordCheckFixturesTest.PASSWORD))
                            .as(fixture + " cut at " + length).isTrue());
                }
            }
        }
    }

    @Test
    void randomBytesBehindTheRightMagicGiveNoCheck() throws Exception {
        Random random = new Random(20);
        String[][] magics = {{"PK\u0003\u0004", "application/zip"}, {"PK\u0005\u0006", "application/zip"},
                {"%PDF-1.7\n", "application/pdf"}, {"\u00D0\u00CF\u0011\u00E0\u00A1\u00B1\u001A\u00E1",
                "application/x-tika-ooxml-protected"}, {"PK\u0003\u0004", "application/vnd.oasis.opendocument.text"}};
        for (String[] magic : magics) {
            for (int size : new int[] {64, 4096, 1 << 20}) {
                byte[] bytes = new byte[size];
                random.nextBytes(bytes);
                byte[] head = magic[0].getBytes(StandardCharsets.ISO_8859_1);
                System.arraycopy(head, 0, bytes, 0, head.length);
                assertThat(read(bytes, magic[1])).as(magic[1] + " " + size).isEmpty();
            }
        }
        // OpenPGP packets have no checksum of their own: random bytes after a session packet's first bytes may
        // parse as a message, and then give a (useless) check; it must never be one that opens.
        String[] openPgp = {"-----BEGIN PGP MESSAGE-----\n\n", "\u008c\r\u0004\u0009\u0003\u0002"};
        for (String magic : openPgp) {
            for (int size : new int[] {64, 4096, 1 << 20}) {
                byte[] bytes = new byte[size];
                random.nextBytes(bytes);
                byte[] head = magic.getBytes(StandardCharsets.ISO_8859_1);
                System.arraycopy(head, 0, bytes, 0, head.length);
                read(bytes, "application/octet-stream").ifPresent(check ->
                        assertThat(check.opens(PasswordCheckFixturesTest.PASSWORD)).isFalse());
            }
        }
    }

    @Test
    void anOpenPgpCheckWithAnS2kOfAnotherKindIsRefused() {
        // Argon2 (type 4) is memory-hard by design: no check keeps it.
        byte[] material = new Fields.Writer().u8(9).bytes(new byte[] {4, 2, 0, 0, 0, 0, 0, 0, 0, 0, 9}).bytes(new byte[0])
                .u8(1).bytes(new byte[OpenPgpVerifier.PREFIX_BYTES]).done();
        assertThatThrownBy(() -> PasswordCheck.of(CheckFormat.OPENPGP, material))
                .isInstanceOf(MalformedCheckException.class).hasMessage("S2K of a kind not kept");
    }

    @Test
    void anOdfFileClaimingAbsurdRoundsKeepsNoCheck() throws Exception {
        byte[] odf = fixture("odf/aes256.odt").bytes();
        byte[] manifest = entry(odf, "META-INF/manifest.xml");
        String absurd = new String(manifest, StandardCharsets.UTF_8)
                .replace("manifest:iteration-count=\"100000\"", "manifest:iteration-count=\"1099511627776\"");
        assertThat(absurd).contains("1099511627776");
        // Rebuilt with the honest manifest, the file does give a working check: the refusal below is the cap's.
        assertThat(read(replaceEntry(odf, "META-INF/manifest.xml", manifest), "application/vnd.oasis.opendocument.text")
                .orElseThrow().opens(PasswordCheckFixturesTest.PASSWORD)).isTrue();

        assertThat(read(replaceEntry(odf, "META-INF/manifest.xml", absurd.getBytes(StandardCharsets.UTF_8)),
                "application/vnd.oasis.opendocument.text")).isEmpty();
        String justOver = absurd.replace("1099511627776", String.valueOf(Caps.MAX_PBKDF2_ROUNDS + 1));
        assertThat(read(replaceEntry(odf, "META-INF/manifest.xml", justOver.getBytes(StandardCharsets.UTF_8)),
                "application/vnd.oasis.opendocument.text")).isEmpty();
    }

    @Test
    void anOdfManifestBeyondItsSizeCapKeepsNoCheck() throws Exception {
        byte[] odf = fixture("odf/aes256.odt").bytes();
        byte[] manifest = entry(odf, "META-INF/manifest.xml");
        String padded = new String(manifest, StandardCharsets.UTF_8).replace("<manifest:file-entry",
                "<!--" + " ".repeat(1 << 20) + "--><manifest:file-entry");
        assertThat(read(replaceEntry(odf, "META-INF/manifest.xml", padded.getBytes(StandardCharsets.UTF_8)),
                "application/vnd.oasis.opendocument.text")).isEmpty();
    }

    @Test
    void anOfficeFileClaimingAnAbsurdSpinCountKeepsNoCheck() throws Exception {
        byte[] info = encryptionInfo(fixture("agile-aes256-poi.xlsx"));
        String xml = new String(info, StandardCharsets.ISO_8859_1);
        assertThat(xml).contains("spinCount=\"100000\"");
        byte[] absurd = xml.replace("spinCount=\"100000\"", "spinCount=\"2000000000\"").getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> PasswordCheck.of(CheckFormat.OOXML, absurd))
                .isInstanceOf(MalformedCheckException.class).hasMessageContaining("spin count");
        Path file = folder.resolve("absurd.xlsx");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            fs.createDocument(new java.io.ByteArrayInputStream(absurd), "EncryptionInfo");
            fs.createDocument(new java.io.ByteArrayInputStream(new byte[4096]), "EncryptedPackage");
            try (var out = Files.newOutputStream(file)) {
                fs.writeFilesystem(out);
            }
        }
        assertThat(read(Files.readAllBytes(file), "application/x-tika-ooxml-protected")).isEmpty();
        // The same stream with the honest count does give a check: the refusal is the cap, not the rebuilding.
        assertThat(PasswordCheck.of(CheckFormat.OOXML, info).opens(PasswordCheckFixturesTest.PASSWORD)).isTrue();
    }

    @Test
    void a7zClaimingAbsurdKeyRoundsKeepsNoCheckAndAHugeDictionaryCostsNothing() throws Exception {
        byte[] archive = fixture("7z/aes256-names-encrypted.7z").bytes();
        int aes = lastIndexOf(archive, new byte[] {0x06, (byte) 0xF1, 0x07, 0x01});
        int lzma = lastIndexOf(archive, new byte[] {0x03, 0x01, 0x01});
        assertThat(archive[aes + 5] & 0x3F).as("7-Zip's own rounds").isEqualTo(19);

        byte[] absurd = archive.clone();
        absurd[aes + 5] = (byte) ((archive[aes + 5] & 0xC0) | 40);
        assertThat(read(absurd, "application/x-7z-compressed")).isEmpty();
        byte[] justOver = archive.clone();
        justOver[aes + 5] = (byte) ((archive[aes + 5] & 0xC0) | (SevenZipVerifier.MAX_CYCLES_POWER + 1));
        assertThat(read(justOver, "application/x-7z-compressed")).isEmpty();

        // LZMA's properties: lc/lp/pb, then the dictionary size; claim 2 GB.
        assertThat(archive[lzma + 3]).as("LZMA property size").isEqualTo((byte) 5);
        byte[] hugeDictionary = archive.clone();
        hugeDictionary[lzma + 5] = (byte) 0xFF;
        hugeDictionary[lzma + 6] = (byte) 0xFF;
        hugeDictionary[lzma + 7] = (byte) 0xFF;
        hugeDictionary[lzma + 8] = (byte) 0x7F;
        PasswordCheck check = read(hugeDictionary, "application/x-7z-compressed").orElseThrow();
        assertThat(assertTimeoutPreemptively(QUICKLY, () -> check.opens(PasswordCheckFixturesTest.PASSWORD))).isTrue();
    }

    private static int lastIndexOf(byte[] haystack, byte[] needle) {
        for (int i = haystack.length - needle.length; i >= 0; i--) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }

    @Test
    void aStoredCheckClaimingAbsurdRoundsIsRefusedOnDecode() {
        byte[] material = new Fields.Writer().u8(1).u32(0xFFFF_FFFFL).bytes(new byte[16]).u8(32).u8(1)
                .bytes(new byte[16]).u8(1).bytes(new byte[32]).bytes(new byte[1024]).done();
        byte[] encoded = new Fields.Writer().u32(0x4F575043L).u8(1).u8(CheckFormat.ODF.id()).bytes(material).done();

        long started = System.nanoTime();
        assertThatThrownBy(() -> PasswordCheck.decode(encoded)).isInstanceOf(MalformedCheckException.class)
                .hasMessage("PBKDF2 rounds out of range");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void garbageForAnEncodedCheckIsAMalformedCheckWithoutItsBytes() throws Exception {
        Path file = fixture("zip/aes256-7zip.zip").copyTo(folder);
        byte[] good = READERS.read(file, "application/zip").orElseThrow().encode();
        Random random = new Random(7);
        byte[] noise = new byte[200];
        random.nextBytes(noise);
        byte[] badVersion = good.clone();
        badVersion[4] = 9;
        byte[] badFormat = good.clone();
        badFormat[5] = 99;
        byte[][] cases = {new byte[0], noise, Arrays.copyOf(good, good.length - 1), Arrays.copyOf(good, good.length + 1),
                Arrays.copyOf(good, 7), badVersion, badFormat};
        for (byte[] bad : cases) {
            assertThatThrownBy(() -> PasswordCheck.decode(bad)).isInstanceOf(MalformedCheckException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(HexFormat.of().formatHex(good, 6, 12)));
        }
        assertThatThrownBy(() -> PasswordCheck.decode(null)).isInstanceOf(MalformedCheckException.class);
    }

    @Test
    void candidatesOutsideTheBoundsAreNotTried() throws Exception {
        Path file = fixture("pdf/aes256-user.pdf").copyTo(folder);
        PasswordCheck check = READERS.read(file, "application/pdf").orElseThrow();
        assertThat(check.opens(null)).isFalse();
        assertThat(check.opens("abc")).isFalse();
        assertThat(check.opens("x".repeat(65))).isFalse();
        // A password of 65 characters that starts with the real one is still refused, not truncated to it.
        assertThat(check.opens(PasswordCheckFixturesTest.PASSWORD + "y".repeat(48))).isFalse();
    }

    @Test
    void noMessageOrTextShowsTheCheckOrTheCandidate() throws Exception {
        for (ProtectionFixture fixture : Fixtures.protection()) {
            Path file = fixture.copyTo(folder);
            Optional<PasswordCheck> check = READERS.read(file, "application/octet-stream");
            check.ifPresent(c -> {
                String text = c.toString() + c.format() + c.falseMatchOdds() + c.certainty();
                assertThat(text).doesNotContain(PasswordCheckFixturesTest.PASSWORD);
                byte[] encoded = c.encode();
                // No run of eight encoded bytes appears in the text, in hex or Base64.
                for (int i = 6; i + 8 <= encoded.length; i += 8) {
                    byte[] run = Arrays.copyOfRange(encoded, i, i + 8);
                    assertThat(text).doesNotContainIgnoringCase(HexFormat.of().formatHex(run))
                            .doesNotContain(java.util.Base64.getEncoder().encodeToString(run).substring(0, 8));
                }
            });
        }
    }

    private static byte[] encryptionInfo(ProtectionFixture fixture) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem(new java.io.ByteArrayInputStream(fixture.bytes()))) {
            try (var in = fs.getRoot().createDocumentInputStream("EncryptionInfo")) {
                return in.readAllBytes();
            }
        }
    }

    private byte[] entry(byte[] zip, String name) throws Exception {
        try (java.util.zip.ZipFile file = new java.util.zip.ZipFile(write(zip).toFile())) {
            return file.getInputStream(file.getEntry(name)).readAllBytes();
        }
    }

    private Path write(byte[] bytes) throws Exception {
        Path file = Files.createTempFile(folder, "zip", ".zip");
        return Files.write(file, bytes);
    }

    /** The same zip with one entry's content replaced; every other entry is copied stored, as ODF keeps them. */
    private byte[] replaceEntry(byte[] zip, String name, byte[] content) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(write(zip).toFile());
             var out = new ZipOutputStream(bytes)) {
            for (ZipEntry e : java.util.Collections.list(in.entries())) {
                byte[] data = e.getName().equals(name) ? content : in.getInputStream(e).readAllBytes();
                ZipEntry copy = new ZipEntry(e.getName());
                if (e.getName().equals(name)) {
                    copy.setMethod(ZipEntry.DEFLATED);
                } else {
                    CRC32 crc = new CRC32();
                    crc.update(data);
                    copy.setMethod(ZipEntry.STORED);
                    copy.setSize(data.length);
                    copy.setCompressedSize(data.length);
                    copy.setCrc(crc.getValue());
                }
                out.putNextEntry(copy);
                out.write(data);
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
