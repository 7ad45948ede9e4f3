package org.outward.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.outward.protect.ProtectionLevel;

/**
 * A zip that is no OpenDocument file but encrypts entries the OpenDocument way, listing their cipher in
 * {@code META-INF/manifest.xml} (LibreOffice's password-protected Basic libraries, exported as a zip). Made here with
 * commons-compress (the real corpus's one comes from Tika's suite): the encrypted entry is judged by its cipher and
 * not opened, instead of being read as the XML its name says and found unreadable.
 */
class ManifestEncryptedEntryTest extends WithCheckingInspector {

    @ParameterizedTest
    @CsvSource({
            "'xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\"', Blowfish CFB, WEAK, ODF Blowfish CFB",
            // LibreOffice's Basic library manifests use the prefix without declaring it
            "'', Blowfish CFB, WEAK, ODF Blowfish CFB",
            "'xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\"',"
                    + " http://www.w3.org/2001/04/xmlenc#aes256-cbc, STRONG, ODF AES-256-CBC"})
    void anEntryTheManifestListsAsEncryptedIsJudgedByItsCipher(String namespace, String algorithm,
                                                               ProtectionLevel level, String scheme) throws Exception {
        byte[] zip = library(namespace, algorithm);

        Inspection inspection = inspector.inspect(Mail.stream(Mail.message("m1", Mail.text("The macros."),
                Mail.attachment("application/zip; name=\"Standard.zip\"", "; filename=\"Standard.zip\"", zip))));

        assertThat(inspection.findings(FindingKind.UNREADABLE)).isEmpty();
        assertThat(inspection.parts()).filteredOn(p -> p.path().endsWith("/module.xml")).singleElement()
                .satisfies(p -> {
                    assertThat(p.protection().level()).isEqualTo(level);
                    assertThat(p.protection().scheme()).isEqualTo(scheme);
                });
    }

    private static byte[] library(String namespace, String algorithm) throws Exception {
        byte[] encrypted = new byte[700];
        new Random(11).nextBytes(encrypted);
        String manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<manifest:manifest " + namespace + ">\n"
                + " <manifest:file-entry manifest:media-type=\"text/xml\" manifest:full-path=\"module.xml\""
                + " manifest:size=\"1400\">\n  <manifest:encryption-data manifest:checksum-type=\"SHA1/1K\""
                + " manifest:checksum=\"AAAA\">\n   <manifest:algorithm manifest:algorithm-name=\"" + algorithm
                + "\" manifest:initialisation-vector=\"AAAA\"/>\n   <manifest:key-derivation"
                + " manifest:key-derivation-name=\"PBKDF2\" manifest:iteration-count=\"1024\" manifest:salt=\"AAAA\"/>\n"
                + "  </manifest:encryption-data>\n </manifest:file-entry>\n</manifest:manifest>\n";
        SeekableInMemoryByteChannel channel = new SeekableInMemoryByteChannel();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(channel)) {
            for (Object[] entry : new Object[][] {{"module.xml", encrypted},
                    {"META-INF/manifest.xml", manifest.getBytes(StandardCharsets.UTF_8)}}) {
                zip.putArchiveEntry(new ZipArchiveEntry((String) entry[0]));
                zip.write((byte[]) entry[1]);
                zip.closeArchiveEntry();
            }
        }
        return Arrays.copyOf(channel.array(), (int) channel.size());
    }
}
