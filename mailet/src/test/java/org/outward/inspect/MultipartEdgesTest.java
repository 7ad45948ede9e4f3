package org.outward.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Everything in a multipart travels, not only its parts: text before the first boundary or after the last, and a
 * body whose boundary never appears, are read like a part.
 */
class MultipartEdgesTest extends WithDefaultInspector {

    private static final String LIST = "Rhiannon Pryce, 12 Heol y Bont, CF24 3AA, 07700 900456\r\n";

    @Test
    void textBeforeTheFirstBoundaryIsAPart() {
        Inspection inspection = inspector.inspect(Mail.stream(multipart(LIST, "--XYZ\r\nContent-Type: text/plain\r\n\r\n"
                + "hello\r\n--XYZ--\r\n")));

        assertThat(inspection.part("preamble").orElseThrow().text().text()).contains("Rhiannon Pryce");
    }

    @Test
    void textAfterTheLastBoundaryIsAPart() {
        Inspection inspection = inspector.inspect(Mail.stream(multipart("", "--XYZ\r\nContent-Type: text/plain\r\n\r\n"
                + "hello\r\n--XYZ--\r\n" + LIST)));

        assertThat(inspection.part("epilogue").orElseThrow().text().text()).contains("Rhiannon Pryce");
    }

    @Test
    void aBodyWhoseBoundaryNeverAppearsIsReadWhole() {
        Inspection inspection = inspector.inspect(Mail.stream(multipart(LIST, "")));

        assertThat(inspection.parts()).singleElement()
                .satisfies(p -> assertThat(p.text().text()).contains("Rhiannon Pryce"));
    }

    @Test
    void theUsualNoticeForOldMailProgramsIsNotAPart() {
        Inspection inspection = inspector.inspect(Mail.stream(multipart("This is a multi-part message in MIME format.\r\n",
                "--XYZ\r\nContent-Type: text/plain\r\n\r\nhello\r\n--XYZ--\r\n")));

        assertThat(inspection.parts()).extracting(InspectedPart::path).containsExactly("1");
    }

    @Test
    void aMultipartWithoutABoundaryParameterIsOneTextPartNotADisguise() {
        String raw = "From: a@party.example\r\nSubject: t\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed\r\n\r\n"
                + "--XYZ\r\nContent-Type: text/plain\r\n\r\n" + LIST + "--XYZ--\r\n";

        Inspection inspection = inspector.inspect(Mail.stream(raw));

        assertThat(inspection.findings(FindingKind.TYPE_MISMATCH)).isEmpty();
        assertThat(inspection.parts()).singleElement()
                .satisfies(p -> assertThat(p.text().text()).contains("Rhiannon Pryce"));
    }

    private static String multipart(String preamble, String rest) {
        return "From: a@party.example\r\nSubject: t\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"XYZ\"\r\n\r\n" + preamble + rest;
    }
}
