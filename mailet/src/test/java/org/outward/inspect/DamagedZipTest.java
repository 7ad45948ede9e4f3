package org.outward.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.junit.jupiter.api.Test;

/**
 * Zip-based files that cannot be read whole, made here from POI and commons-compress output (the real corpus's two
 * come from POI's and Tika's suites): what is missing or does not match its checksum may hold anything, so the part
 * is reported as not fully inspected, however much of it a lenient reader gets out.
 */
class DamagedZipTest extends AttachmentInspection {

    @Test
    void aDocumentCutInsideItsCentralDirectoryIsNotFullyInspected() throws Exception {
        byte[] docx = Samples.docxWithTable();
        int directory = lastIndexOf(docx, new byte[] {'P', 'K', 1, 2});
        byte[] cut = Arrays.copyOf(docx, directory + 30);

        Inspection inspection = attach("canvass.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", cut);

        assertThat(inspection.findings(FindingKind.UNREADABLE)).singleElement()
                .satisfies(f -> assertThat(f.detail()).contains("truncated"));
    }

    @Test
    void aWholeDocumentIsRead() throws Exception {
        Inspection inspection = attach("canvass.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Samples.docxWithTable());

        assertThat(inspection.findings(FindingKind.UNREADABLE)).isEmpty();
    }

    @Test
    void anEntryWhoseBytesDoNotMatchItsChecksumIsNotFullyInspected() throws Exception {
        byte[] zip = storedZip("notes.txt", "Meet at the library at ten.\n");
        int at = lastIndexOf(zip, "Meet".getBytes(StandardCharsets.US_ASCII));
        zip[at] = 'B';

        Inspection inspection = attach("notes.zip", "application/zip", zip);

        assertThat(inspection.findings(FindingKind.UNREADABLE)).isNotEmpty();
    }

    @Test
    void anEntryClaimingMoreBytesThanTheFileHoldsIsNotFullyInspected() throws Exception {
        byte[] zip = storedZip("notes.txt", "Meet at the library at ten.\n");
        int central = lastIndexOf(zip, new byte[] {'P', 'K', 1, 2});
        ByteBuffer header = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(central + 20, 1_000_000).putInt(central + 24, 1_000_000);
        header.putInt(18, 1_000_000).putInt(22, 1_000_000);

        Inspection inspection = attach("notes.zip", "application/zip", zip);

        assertThat(inspection.findings(FindingKind.UNREADABLE)).isNotEmpty();
    }

    @Test
    void aDirectoryThatLosesItsEntriesIsReadFromTheEntriesOwnHeaders() throws Exception {
        byte[] zip = strayByteBeforeTheEnd(storedZip("notes.txt", "Meet at the library at ten.\n"));

        Inspection inspection = attach("notes.zip", "application/zip", zip);

        assertThat(inspection.findings(FindingKind.UNREADABLE)).isEmpty();
        assertThat(inspection.parts()).anySatisfy(p -> assertThat(p.text().text()).contains("Meet at the library"));
    }

    @Test
    void aDirectoryThatLosesItsEntriesAndAnEntryThatCannotBeReadIsNotFullyInspected() throws Exception {
        byte[] zip = storedZip("notes.txt", "Meet at the library at ten.\n");
        // As in a file built to exhaust readers' memory: the entry's own header claims 2 GiB
        ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN).putInt(18, Integer.MAX_VALUE - 1)
                .putInt(22, Integer.MAX_VALUE - 1);

        Inspection inspection = attach("notes.zip", "application/zip", strayByteBeforeTheEnd(zip));

        assertThat(inspection.findings(FindingKind.UNREADABLE)).isNotEmpty();
    }

    /** One byte between the central directory and the end record, which then no longer add up. */
    private static byte[] strayByteBeforeTheEnd(byte[] zip) {
        int end = lastIndexOf(zip, new byte[] {'P', 'K', 5, 6});
        byte[] out = new byte[zip.length + 1];
        System.arraycopy(zip, 0, out, 0, end);
        System.arraycopy(zip, end, out, end + 1, zip.length - end);
        return out;
    }

    /** One entry stored uncompressed; commons-compress fills in its size and CRC, as on a disk. */
    private static byte[] storedZip(String name, String text) throws Exception {
        SeekableInMemoryByteChannel channel = new SeekableInMemoryByteChannel();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(channel)) {
            ZipArchiveEntry entry = new ZipArchiveEntry(name);
            entry.setMethod(ZipArchiveEntry.STORED);
            zip.putArchiveEntry(entry);
            zip.write(text.getBytes(StandardCharsets.US_ASCII));
            zip.closeArchiveEntry();
        }
        return Arrays.copyOf(channel.array(), (int) channel.size());
    }

    private static int lastIndexOf(byte[] in, byte[] what) {
        for (int i = in.length - what.length; i >= 0; i--) {
            if (Arrays.equals(in, i, i + what.length, what, 0, what.length)) {
                return i;
            }
        }
        throw new IllegalArgumentException("not found");
    }
}
