package org.outward.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Documents that reach the gateway in a wrapping their own program reads past: a PDF after a print system's job
 * header (PDF readers look for {@code %PDF-} in the first 1024 bytes), and a file in a Mac's AppleSingle envelope.
 * Made here with PDFBox and by hand (the real corpus's two come from Tika's suite): typed by what they hold, not
 * called disguised.
 */
class WrappedDocumentTypeTest extends AttachmentInspection {

    private static final String SENTENCE = "Leaflet round for Ward Three on Saturday";

    @ParameterizedTest
    @ValueSource(strings = {
            // PostScript-style comments of a print management system, as in the job tickets of French print rooms
            "%%JOB_TICKET: START\r\n%%QUEUE: REPRO-2\r\n%%COPIES: 40\r\n%%DUPLEX: YES\r\n%%END_TICKET\r\n",
            // HP's Printer Job Language before the document, as drivers spool it
            "\u001B%-12345X@PJL JOB NAME=\"rounds\"\r\n@PJL SET COPIES=2\r\n@PJL ENTER LANGUAGE=PDF\r\n"})
    void aPdfAfterAPrintJobHeaderIsAPdf(String header) throws Exception {
        // A ticket as long as a print room's (Tika's magic looks for "%PDF-" less far than readers do)
        byte[] file = concat(header.repeat(9).getBytes(StandardCharsets.ISO_8859_1), pdf());
        assertThat(file.length - pdf().length).isBetween(600, 1000);

        InspectedPart part = attach("rounds.pdf", "application/pdf", file).part("2/rounds.pdf").orElseThrow();

        assertThat(part.detectedType()).isEqualTo("application/pdf");
        assertThat(part.flags()).isEmpty();
        assertThat(part.text().text()).contains(SENTENCE);
    }

    @Test
    void anAppleSingleFileIsWhatItsDataForkIs() throws Exception {
        Inspection inspection = attach("rounds.pdf", "application/pdf", appleSingle("rounds.pdf", pdf()));

        assertThat(inspection.part("2/rounds.pdf").orElseThrow().flags()).isEmpty();
        assertThat(inspection.parts()).anySatisfy(p -> {
            assertThat(p.detectedType()).isEqualTo("application/pdf");
            assertThat(p.text().text()).contains(SENTENCE);
        });
    }

    @Test
    void anAppleSingleFileHoldingSomethingElseIsStillADisguise() throws Exception {
        byte[] csv = "Name,Postcode\nAnna Jones,LA9 4PQ\n".getBytes(StandardCharsets.UTF_8);
        Inspection inspection = attach("rounds.pdf", "application/pdf", appleSingle("members.csv", csv));

        assertThat(inspection.part("2/rounds.pdf").orElseThrow().flags()).contains(TypeFlag.EXTENSION_MISMATCH);
    }

    private static byte[] pdf() throws Exception {
        return Samples.pdf(SENTENCE);
    }

    /** AppleSingle version 2 (RFC 1740's layout): header, an entry table of real name and data fork, then both. */
    private static byte[] appleSingle(String realName, byte[] dataFork) {
        byte[] name = realName.getBytes(StandardCharsets.US_ASCII);
        int header = 4 + 4 + 16 + 2 + 2 * 12;
        ByteBuffer out = ByteBuffer.allocate(header + name.length + dataFork.length);
        out.putInt(0x00051600).putInt(0x00020000).put(new byte[16]).putShort((short) 2);
        out.putInt(3).putInt(header).putInt(name.length);
        out.putInt(1).putInt(header + name.length).putInt(dataFork.length);
        out.put(name).put(dataFork);
        return out.array();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
