package org.outward.protect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.cms.CMSCompressedDataGenerator;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.jcajce.ZlibCompressor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * CMS content types other than the PKCS #7 ones, made here by Bouncy Castle's generators (the real corpus's
 * CompressedData comes from Tika's suite, made by OpenSSL): judged by what they are, not left unknown.
 */
class CmsCheckTest {

    private final ProtectionChecks checks = ProtectionChecks.defaults();

    @TempDir
    Path folder;

    @ParameterizedTest
    @ValueSource(strings = {ASN1Encoding.DER, ASN1Encoding.BER})
    void compressedDataIsCompressedNotEncrypted(String encoding) throws Exception {
        byte[] compressed = new CMSCompressedDataGenerator().generate(
                new CMSProcessableByteArray("Name,Postcode\nA Person,AB1 2CD\n".getBytes(StandardCharsets.UTF_8)),
                new ZlibCompressor()).toASN1Structure().getEncoded(encoding);
        Path file = Files.write(folder.resolve("members.p7z"), compressed);

        Protection verdict = checks.assess(file, "application/octet-stream", "members.p7z");

        assertThat(verdict.level()).isEqualTo(ProtectionLevel.NONE);
        assertThat(verdict.scheme()).isEqualTo("CMS CompressedData (compressed, not encrypted)");
    }
}
