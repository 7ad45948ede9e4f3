package org.outward.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.outward.protect.ProtectionLevel;

/**
 * What an encrypted file carries in the clear becomes its text, so that a list hidden beside the ciphertext (after
 * the end of the archive, in entry names) is judged like any other text.
 */
class ExposedTextTest extends WithCheckingInspector {

    private static final String LIST = "Rhiannon Pryce, 12 Heol y Bont, CF24 3AA, 07700 900456\n"
            + "Gareth Lloyd, 4 Station Road, CF10 1BH, 07700 900457\n";

    @Test
    void textAppendedAfterAStrongArchiveIsItsText() {
        byte[] archive = fixture("files/7z/aes256-names-encrypted.7z");
        byte[] appended = concat(archive, LIST.getBytes(StandardCharsets.UTF_8));

        InspectedPart part = attach("members.7z", appended);

        assertThat(part.protection().level()).isEqualTo(ProtectionLevel.STRONG);
        assertThat(part.text().text()).contains("Rhiannon Pryce, 12 Heol y Bont, CF24 3AA, 07700 900456");
    }

    @Test
    void aStrongArchiveAloneHasNoTextThatLooksLikePeople() {
        for (String fixture : new String[] {"files/7z/canvass-aes256.7z", "files/zip/aes256-7zip.zip",
                "files/pdf/aes256-user.pdf", "files/office/agile-aes256-poi.xlsx", "files/odf/aes256.ods"}) {
            InspectedPart part = attach("file" + fixture.substring(fixture.lastIndexOf('.')), fixture(fixture));

            assertThat(part.protection().level()).as(fixture).isEqualTo(ProtectionLevel.STRONG);
            assertThat(part.text().text()).as(fixture).doesNotContainPattern("\\d{5} \\d{6}");
        }
    }

    @Test
    void theNamesOfAnArchivesEntriesAreItsText() throws Exception {
        byte[] zip = Samples.zip("Rhiannon Pryce CF24 3AA.txt", new byte[] {1}, "Gareth Lloyd CF10 1BH.txt", new byte[] {1});

        InspectedPart part = attach("people.zip", zip);

        assertThat(part.text().text()).contains("Rhiannon Pryce CF24 3AA.txt", "Gareth Lloyd CF10 1BH.txt");
    }

    @Test
    void utf16NamesAreReadToo() {
        byte[] name = "Rhiannon Pryce CF24 3AA".getBytes(StandardCharsets.UTF_16LE);
        byte[] archive = concat(fixture("files/7z/aes256-names-encrypted.7z"), concat(new byte[] {1}, name));

        assertThat(attach("members.7z", archive).text().text()).contains("Rhiannon Pryce CF24 3AA");
    }

    @Test
    void aZipWithAnEncryptedDirectoryIsListedAsEncryptedNotUnreadable() {
        Inspection inspection = inspector.inspect(Mail.stream(Mail.message("x2", Mail.attachment("application/zip",
                "; filename=members.zip", org.outward.protect.PkwareStrongEncryptionTest.directoryEncrypted()))));

        assertThat(inspection.part("1/members.zip").orElseThrow().protection().level()).isEqualTo(ProtectionLevel.STRONG);
        assertThat(inspection.findings(FindingKind.UNREADABLE)).isEmpty();
        assertThat(inspection.findings(FindingKind.ENCRYPTED_ENTRY)).hasSize(1);
    }

    private static InspectedPart attach(String name, byte[] bytes) {
        Inspection inspection = inspector.inspect(Mail.stream(Mail.message("x1",
                Mail.attachment("application/octet-stream", "; filename=" + name, bytes))));
        return inspection.part("1/" + name).orElseThrow();
    }

    private static byte[] fixture(String path) {
        try (InputStream in = ExposedTextTest.class.getResourceAsStream("/fixtures/" + path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
