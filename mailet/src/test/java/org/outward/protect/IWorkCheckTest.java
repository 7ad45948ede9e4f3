package org.outward.protect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** iWork packages assembled here: the layout of a document with a password, and entries no zip reader can read. */
class IWorkCheckTest {

    private final ProtectionChecks checks = ProtectionChecks.defaults();

    @TempDir
    Path folder;

    @Test
    void aPackageWithAPasswordVerifierIsStrong() throws Exception {
        byte[] pages = zip(".iwpv2", new byte[64], "Index/Document.iwa", new byte[512], "preview.jpg", new byte[32]);

        Protection protection = assess(pages, "application/vnd.apple.pages.13");

        assertThat(protection.level()).isEqualTo(ProtectionLevel.STRONG);
        assertThat(protection.scheme()).isEqualTo("iWork password (AES-128)");
    }

    @Test
    void aPackageWhoseEntriesNoReaderKnowsIsNotCalledReadable() throws Exception {
        byte[] pages = withMethod(zip("index.xml", new byte[128]), 25452);

        assertThat(assess(pages, "application/vnd.apple.pages").level()).isEqualTo(ProtectionLevel.UNKNOWN);
    }

    @Test
    void anOrdinaryPackageIsUnprotected() throws Exception {
        byte[] pages = zip("index.xml", "<sl:document/>".getBytes(), "buildVersionHistory.plist", new byte[8]);

        assertThat(assess(pages, "application/vnd.apple.pages").level()).isEqualTo(ProtectionLevel.NONE);
    }

    private Protection assess(byte[] bytes, String type) throws Exception {
        Path file = Files.write(folder.resolve("document.pages"), bytes);
        return checks.assess(file, type, "document.pages");
    }

    private static byte[] zip(Object... nameAndContent) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
            for (int i = 0; i < nameAndContent.length; i += 2) {
                ZipArchiveEntry entry = new ZipArchiveEntry((String) nameAndContent[i]);
                entry.setMethod(ZipArchiveEntry.STORED);
                byte[] content = (byte[]) nameAndContent[i + 1];
                entry.setSize(content.length);
                java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                crc.update(content);
                entry.setCrc(crc.getValue());
                zip.putArchiveEntry(entry);
                zip.write(content);
                zip.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** Rewrites every entry's compression method, in the local headers and the central directory. */
    private static byte[] withMethod(byte[] zip, int method) {
        ByteBuffer buffer = ByteBuffer.wrap(zip.clone()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 4 <= zip.length; i++) {
            int signature = buffer.getInt(i);
            if (signature == 0x04034b50) {
                buffer.putShort(i + 8, (short) method);
            } else if (signature == 0x02014b50) {
                buffer.putShort(i + 10, (short) method);
            }
        }
        return buffer.array();
    }
}
