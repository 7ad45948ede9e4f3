package org.outward.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.cms.CMSCompressedDataGenerator;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.jcajce.ZlibCompressor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.outward.fixtures.Fixtures;
import org.outward.protect.ProtectionLevel;

/**
 * CMS CompressedData ({@code .p7z}, RFC 3274) is compressed, not encrypted: what it holds is unpacked and read like
 * any file, so a list of people inside is found. Made here with Bouncy Castle, DER and BER.
 */
class CmsCompressedContentTest extends WithCheckingInspector {

    @ParameterizedTest
    @ValueSource(strings = {ASN1Encoding.DER, ASN1Encoding.BER})
    void theContentIsUnpackedAndRead(String encoding) throws Exception {
        byte[] p7z = new CMSCompressedDataGenerator().generate(new CMSProcessableByteArray(
                Fixtures.get("personal/positive/canvass-1.csv").bytes()), new ZlibCompressor())
                .toASN1Structure().getEncoded(encoding);

        Inspection inspection = inspector.inspect(Mail.stream(Mail.message("c1", Mail.text("Returns."),
                Mail.attachment("application/pkcs7-mime; smime-type=compressed-data; name=\"canvass.p7z\"",
                        "; filename=\"canvass.p7z\"", p7z))));

        InspectedPart container = inspection.part("2/canvass.p7z").orElseThrow();
        assertThat(container.protection().level()).isEqualTo(ProtectionLevel.NONE);
        assertThat(container.flags()).isEmpty();
        assertThat(inspection.parts()).anySatisfy(p -> assertThat(p.text().text()).contains("Predovic"));
        assertThat(inspection.findings(FindingKind.UNREADABLE)).isEmpty();
    }
}
