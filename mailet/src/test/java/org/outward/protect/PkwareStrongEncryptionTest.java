package org.outward.protect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.compress.archivers.zip.UnrecognizedExtraField;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipShort;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PKWARE strong encryption, assembled here from APPNOTE's layouts (PKZIP, which writes it, is not free software):
 * only the header fields the check reads are meaningful; the encrypted data is filler.
 */
public class PkwareStrongEncryptionTest {

    private final ProtectionChecks checks = ProtectionChecks.defaults();

    @TempDir
    Path folder;

    @ParameterizedTest
    @CsvSource({"26128, 256, STRONG, ZIP PKWARE strong encryption AES-256",
            "26126, 128, STRONG, ZIP PKWARE strong encryption AES-128",
            "26115, 168, WEAK, ZIP PKWARE strong encryption 3DES-168",
            "26625, 128, WEAK, ZIP PKWARE strong encryption RC4"})
    void theCipherComesFromTheStrongEncryptionHeader(int algorithm, int bits, ProtectionLevel level, String scheme)
            throws Exception {
        Protection protection = assess(strongZip(algorithm, bits));

        assertThat(protection.level()).isEqualTo(level);
        assertThat(protection.scheme()).isEqualTo(scheme);
    }

    @Test
    void anEncryptedCentralDirectoryIsStrongEncryptionNotABrokenZip() throws Exception {
        Protection protection = assess(directoryEncrypted());

        assertThat(protection.level()).isEqualTo(ProtectionLevel.STRONG);
        assertThat(protection.scheme()).isEqualTo("ZIP PKWARE strong encryption AES-256");
        assertThat(protection.notes()).singleElement().asString().contains("entry names are encrypted too");
    }

    private Protection assess(byte[] zip) throws Exception {
        Path file = Files.write(folder.resolve("members.zip"), zip);
        return checks.assess(file, "application/zip", "members.zip");
    }

    /** One entry flagged encrypted with strong encryption, its 0x0017 header naming the cipher. */
    private static byte[] strongZip(int algorithm, int bits) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
            ZipArchiveEntry entry = new ZipArchiveEntry("members.csv");
            byte[] filler = new byte[64];
            entry.setMethod(ZipArchiveEntry.STORED);
            entry.setSize(filler.length);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(filler);
            entry.setCrc(crc.getValue());
            UnrecognizedExtraField header = new UnrecognizedExtraField();
            header.setHeaderId(new ZipShort(0x0017));
            byte[] data = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 2)
                    .putShort((short) algorithm).putShort((short) bits).putShort((short) 1).array();
            header.setCentralDirectoryData(data);
            header.setLocalFileDataData(data);
            entry.addExtraField(header);
            zip.putArchiveEntry(entry);
            zip.write(filler);
            zip.closeArchiveEntry();
        }
        // commons-compress writes no encrypted entry: set the flags (encrypted, strong) in both headers
        ByteBuffer written = ByteBuffer.wrap(bytes.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 4 <= written.capacity(); i++) {
            if (written.getInt(i) == 0x04034b50) {
                written.putShort(i + 6, (short) 0x0041);
            } else if (written.getInt(i) == 0x02014b50) {
                written.putShort(i + 8, (short) 0x0041);
            }
        }
        return written.array();
    }

    /** A masked local header (flags 0x2041), its decryption header (AES-256), filler, and an end record. */
    public static byte[] directoryEncrypted() {
        byte[] name = "00000001".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer zip = ByteBuffer.allocate(400).order(ByteOrder.LITTLE_ENDIAN);
        zip.putInt(0x04034b50).putShort((short) 62).putShort((short) 0x2041).putShort((short) 0)
                .putInt(0).putInt(0).putInt(0).putInt(0).putShort((short) name.length).putShort((short) 0).put(name);
        zip.putShort((short) 16).put(new byte[16]).putInt(40).putShort((short) 3).putShort((short) 0x6610)
                .putShort((short) 256).putShort((short) 1);
        zip.put(new byte[120]);
        zip.putInt(0x06054b50).putShort((short) 0xFFFF).putShort((short) 0xFFFF).putShort((short) 0xFFFF)
                .putShort((short) 0xFFFF).putInt(0xFFFFFFFF).putInt(0xFFFFFFFF).putShort((short) 0);
        return java.util.Arrays.copyOf(zip.array(), zip.position());
    }
}
