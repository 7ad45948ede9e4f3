package org.outward.protect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RAR cannot be written on this machine (RARLAB's rar is not free software and is not in Debian main), so
 * these archives are assembled here from the block layouts in RARLAB's format descriptions: only the header
 * fields the check reads are meaningful (CRCs are zero, data areas are filler). A real encrypted RAR should
 * join the fixtures when someone with WinRAR can make one.
 */
class RarCheckTest {

    private final ProtectionChecks checks = ProtectionChecks.defaults();

    @TempDir
    Path folder;

    private Protection assess(byte[] bytes) throws Exception {
        Path file = Files.write(folder.resolve("case.rar"), bytes);
        return checks.assess(file, "application/x-rar-compressed", "case.rar");
    }

    // ---- RAR 5 -------------------------------------------------------------------------------------------

    private static final byte[] RAR5 = {'R', 'a', 'r', '!', 0x1A, 0x07, 0x01, 0x00};

    private static void vint(ByteArrayOutputStream out, long value) {
        do {
            int b = (int) (value & 0x7f);
            value >>>= 7;
            out.write(value != 0 ? b | 0x80 : b);
        } while (value != 0);
    }

    /** CRC (4, zero) + header size + the header fields; data follows if given. */
    private static byte[] block5(byte[] fields, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[4]);
        vint(out, fields.length);
        out.writeBytes(fields);
        out.writeBytes(data);
        return out.toByteArray();
    }

    private static byte[] main5() {
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        vint(f, 1); // main archive header
        vint(f, 0); // header flags
        vint(f, 0); // archive flags
        return block5(f.toByteArray(), new byte[0]);
    }

    private static byte[] file5(String name, boolean encrypted) {
        byte[] data = new byte[16];
        ByteArrayOutputStream extra = new ByteArrayOutputStream();
        if (encrypted) {
            ByteArrayOutputStream record = new ByteArrayOutputStream();
            vint(record, 0x01); // file encryption record
            record.writeBytes(new byte[] {0, 0, 15}); // version 0 (AES-256), flags, KDF count
            record.writeBytes(new byte[32]); // salt and IV
            vint(extra, record.size());
            extra.writeBytes(record.toByteArray());
        }
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        vint(f, 2); // file header
        vint(f, 0x0001 | 0x0002); // header flags: extra area and data area present
        vint(f, extra.size());
        vint(f, data.length);
        vint(f, 0); // file flags
        vint(f, data.length); // unpacked size
        vint(f, 0); // attributes
        vint(f, 0); // compression information
        vint(f, 0); // host OS
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        vint(f, n.length);
        f.writeBytes(n);
        f.writeBytes(extra.toByteArray());
        return block5(f.toByteArray(), data);
    }

    private static byte[] end5() {
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        vint(f, 5);
        vint(f, 0);
        vint(f, 0);
        return block5(f.toByteArray(), new byte[0]);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @Test
    void rar5WithEncryptedFilesIsStrongAndNamesTheEntries() throws Exception {
        Protection protection = assess(concat(RAR5, main5(), file5("members.csv", true), end5()));

        assertThat(protection.level()).isEqualTo(ProtectionLevel.STRONG);
        assertThat(protection.scheme()).isEqualTo("RAR5 AES-256");
        assertThat(protection.entries()).containsExactly(
                new Protection.EntryProtection("members.csv", ProtectionLevel.STRONG, "RAR5 AES-256"));
        assertThat(protection.notes()).containsExactly("file names are not encrypted");
    }

    @Test
    void rar5WithEncryptedHeadersIsStrongWithHiddenNames() throws Exception {
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        vint(f, 4); // archive encryption header
        vint(f, 0);
        f.writeBytes(new byte[] {0, 0, 15});
        f.writeBytes(new byte[16]);
        Protection protection = assess(concat(RAR5, block5(f.toByteArray(), new byte[0])));

        assertThat(protection).isEqualTo(Protection.of(ProtectionLevel.STRONG, "RAR5 AES-256", "file names are encrypted too"));
    }

    @Test
    void rar5PartlyEncryptedIsNone() throws Exception {
        Protection protection = assess(concat(RAR5, main5(), file5("notes.txt", false), file5("members.csv", true), end5()));

        assertThat(protection.level()).isEqualTo(ProtectionLevel.NONE);
        assertThat(protection.scheme()).isEqualTo("RAR mixed (none, RAR5 AES-256)");
    }

    @Test
    void truncatedRar5IsUnknown() throws Exception {
        byte[] whole = concat(RAR5, main5(), file5("members.csv", true), end5());
        Protection protection = assess(java.util.Arrays.copyOf(whole, RAR5.length + main5().length + 12));

        assertThat(protection.level()).isEqualTo(ProtectionLevel.UNKNOWN);
    }

    // ---- RAR 4 -------------------------------------------------------------------------------------------

    private static final byte[] RAR4 = {'R', 'a', 'r', '!', 0x1A, 0x07, 0x00};

    private static byte[] main4(int flags) {
        return ByteBuffer.allocate(13).order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) 0).put((byte) 0x73).putShort((short) flags).putShort((short) 13)
                .putShort((short) 0).putInt(0).array();
    }

    private static byte[] file4(String name, boolean encrypted, int version) {
        byte[] n = name.getBytes(StandardCharsets.ISO_8859_1);
        int size = 32 + n.length;
        byte[] data = new byte[8];
        ByteBuffer b = ByteBuffer.allocate(size + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0).put((byte) 0x74).putShort((short) (0x8000 | (encrypted ? 0x0004 : 0)))
                .putShort((short) size)
                .putInt(data.length) // PACK_SIZE
                .putInt(data.length) // UNP_SIZE
                .put((byte) 2) // HOST_OS
                .putInt(0) // FILE_CRC
                .putInt(0) // FTIME
                .put((byte) version) // UNP_VER
                .put((byte) 0x30) // METHOD
                .putShort((short) n.length)
                .putInt(0x20) // ATTR
                .put(n).put(data);
        return b.array();
    }

    @Test
    void rar4WithAesFilesIsStrong() throws Exception {
        Protection protection = assess(concat(RAR4, main4(0), file4("members.csv", true, 29)));

        assertThat(protection.level()).isEqualTo(ProtectionLevel.STRONG);
        assertThat(protection.scheme()).isEqualTo("RAR4 AES-128");
        assertThat(protection.entries()).extracting(Protection.EntryProtection::name).containsExactly("members.csv");
    }

    @Test
    void rar4FromRar2IsWeak() throws Exception {
        assertThat(assess(concat(RAR4, main4(0), file4("members.csv", true, 20))).level()).isEqualTo(ProtectionLevel.WEAK);
    }

    @Test
    void rar4WithEncryptedHeadersIsStrong() throws Exception {
        assertThat(assess(concat(RAR4, main4(0x0080))))
                .isEqualTo(Protection.of(ProtectionLevel.STRONG, "RAR4 AES-128", "file names are encrypted too"));
    }

    @Test
    void rar4WithoutPasswordIsNone() throws Exception {
        assertThat(assess(concat(RAR4, main4(0), file4("notes.txt", false, 29))).level()).isEqualTo(ProtectionLevel.NONE);
    }
}
