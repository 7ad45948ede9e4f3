package org.outward.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * XML that an XML parser refuses but any editor opens: a prefix whose namespace is never declared (as in the
 * manifests LibreOffice writes into Basic library containers), or a bare ampersand. It is text, and is read as
 * text rather than reported unreadable.
 */
class NotWellFormedXmlTest extends AttachmentInspection {

    @ParameterizedTest
    @ValueSource(strings = {
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rota:rota>\n <rota:shift rota:who=\"Anna Jones\""
                    + " rota:where=\"High Street stall\"/>\n</rota:rota>\n",
            "<?xml version=\"1.0\"?>\n<rota>\n <shift who=\"Anna Jones\" where=\"High Street stall\">Tea & cake</shift>\n"
                    + "</rota>\n"})
    void markupThatIsNotWellFormedIsReadAsText(String xml) {
        Inspection inspection = attach("rota.xml", "application/xml", xml.getBytes(StandardCharsets.UTF_8));

        assertThat(inspection.findings(FindingKind.UNREADABLE)).isEmpty();
        assertThat(inspection.part("2/rota.xml").orElseThrow().text().text()).contains("Anna Jones")
                .contains("High Street stall");
    }
}
