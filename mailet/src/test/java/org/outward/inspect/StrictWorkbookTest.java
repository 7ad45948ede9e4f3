package org.outward.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A Strict OOXML workbook is read as its transitional twin: sheet names, cells and shared strings. */
class StrictWorkbookTest extends WithDefaultInspector {

    private static final String[][] ROWS = {{"Name", "Ward", "Note"}, {"Morwenna Tallack", "Castle", "café & bar"},
            {"Jory Kitto", "Harbour", "<ask first>"}};
    private static final String PART = "1/doorstep.xlsx";

    @Test
    void strictWorkbookGivesTheSameTextAndTablesAsItsTransitionalTwin() throws Exception {
        byte[] transitional = StrictPackages.transitional("Doorstep", ROWS);

        Inspection ofStrict = inspect(StrictPackages.strict(transitional));
        InspectedPart strict = ofStrict.part(PART).orElseThrow();
        InspectedPart twin = inspect(transitional).part(PART).orElseThrow();

        assertThat(ofStrict.findings()).isEmpty();
        assertThat(strict.text().text()).contains("Doorstep", "Morwenna Tallack", "café & bar", "<ask first>");
        assertThat(strict.text().tables()).isEqualTo(twin.text().tables()).isNotEmpty();
        assertThat(strict.text().tables().get(0).rows()).contains(List.of("Jory Kitto", "Harbour", "<ask first>"));
    }

    @Test
    void strictNamesBecomeTransitionalOnesAndOtherTextIsUntouched() throws Exception {
        String strict = "<w xmlns=\"http://purl.oclc.org/ooxml/spreadsheetml/main\" xmlns:r='http://purl.oclc.org/ooxml"
                + "/officeDocument/relationships'><t>http://purl.oclc.org/x http://purl.example/ooxml/a/b</t>"
                + "<R Type=\"http://purl.oclc.org/ooxml/officeDocument/relationships/extendedProperties\"/>"
                + "http://purl.oclc.org/ooxml/drawingml/main";
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        StrictToTransitional.translate(new ByteArrayInputStream(strict.getBytes(StandardCharsets.UTF_8)), out);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(
                "<w xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r='http://schemas"
                + ".openxmlformats.org/officeDocument/2006/relationships'><t>http://purl.oclc.org/x "
                + "http://purl.example/ooxml/a/b</t><R Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                + "relationships/extended-properties\"/>http://schemas.openxmlformats.org/drawingml/2006/main");
    }

    private static Inspection inspect(byte[] xlsx) {
        return inspector.inspect(Mail.stream(Mail.message("s1",
                Mail.attachment("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        "; filename=doorstep.xlsx", xlsx))));
    }
}
