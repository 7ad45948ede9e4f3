package org.outward.protect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.Entry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Office protection as other tools write it: Excel's built-in default password (anyone opens the file), rights
 * management (a DRM data space), and stream names in another case. Files are made here with POI.
 */
class Ole2CheckTest {

    private final ProtectionChecks checks = ProtectionChecks.defaults();

    @TempDir
    Path folder;

    @Test
    void anXlsxUnderExcelsDefaultPasswordIsNotProtected() throws Exception {
        Protection protection = assess(OfficeFiles.encryptedXlsx(Decryptor.DEFAULT_PASSWORD), "members.xlsx");

        assertThat(protection.level()).isEqualTo(ProtectionLevel.NONE);
        assertThat(protection.scheme()).isEqualTo("OOXML Agile AES-128 with the default password");
        assertThat(protection.notes()).singleElement().asString().contains("opens without asking");
    }

    @Test
    void anXlsxUnderAPasswordOfItsOwnStaysStrong() throws Exception {
        Protection protection = assess(OfficeFiles.encryptedXlsx("Outward-fixture-1"), "members.xlsx");

        assertThat(protection.level()).isEqualTo(ProtectionLevel.STRONG);
    }

    @Test
    void anXlsUnderExcelsDefaultPasswordIsNotProtected() throws Exception {
        Protection protection = assess(OfficeFiles.encryptedXls(Decryptor.DEFAULT_PASSWORD), "members.xls");

        assertThat(protection.level()).isEqualTo(ProtectionLevel.NONE);
        assertThat(protection.scheme()).isEqualTo("Excel 97-2003 CryptoAPI RC4 with the default password");
    }

    @Test
    void anXlsUnderAPasswordOfItsOwnStaysWeak() throws Exception {
        assertThat(assess(OfficeFiles.encryptedXls("Outward-fixture-1"), "members.xls").level()).isEqualTo(ProtectionLevel.WEAK);
    }

    @Test
    void streamNamesInCapitalsAreTheSameStreams() throws Exception {
        byte[] upper;
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(OfficeFiles.encryptedXlsx("Outward-fixture-1")));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (Entry entry : fs.getRoot()) {
                entry.renameTo(entry.getName().toUpperCase(java.util.Locale.ROOT));
            }
            fs.writeFilesystem(out);
            upper = out.toByteArray();
        }

        assertThat(assess(upper, "members.xlsx").level()).isEqualTo(ProtectionLevel.STRONG);
    }

    @Test
    void aDocumentUnderRightsManagementIsStrong() throws Exception {
        // The layout Office writes: a placeholder Word document beside the DRM data space holding the real one.
        byte[] irm;
        try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            fs.createDocument(new ByteArrayInputStream(new byte[64]), "WordDocument");
            fs.createDocument(new ByteArrayInputStream(new byte[256]), "\tDRMContent");
            DirectoryEntry spaces = fs.getRoot().createDirectory("\u0006DataSpaces");
            DirectoryEntry info = spaces.createDirectory("DataSpaceInfo");
            info.createDocument("\tDRMDataSpace", new ByteArrayInputStream(new byte[40]));
            fs.writeFilesystem(out);
            irm = out.toByteArray();
        }

        Protection protection = assess(irm, "report.doc");

        assertThat(protection.level()).isEqualTo(ProtectionLevel.STRONG);
        assertThat(protection.scheme()).isEqualTo("Word 97-2003 rights management (IRM)");
    }

    private Protection assess(byte[] bytes, String name) throws IOException {
        Path file = Files.write(folder.resolve(name), bytes);
        return checks.assess(file, "application/x-tika-msoffice", name);
    }
}
