package org.outward.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.apache.poi.hssf.usermodel.HSSFSheet;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.EntryUtils;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Row;
import org.junit.jupiter.api.Test;

/**
 * Objects embedded in legacy Office files (a workbook inside a workbook, as Excel's Insert Object makes) are read
 * like any other part: Tika hands them over as open OLE2 storages, not as bytes.
 */
class EmbeddedObjectsTest extends WithDefaultInspector {

    @Test
    void aWorkbookEmbeddedInAWorkbookIsReadAsAPartOfItsOwn() throws Exception {
        byte[] outer = workbookEmbedding(memberList());

        Inspection inspection = inspector.inspect(Mail.stream(Mail.message("e1",
                Mail.attachment("application/vnd.ms-excel", "; filename=summary.xls", outer))));

        assertThat(inspection.findings()).isEmpty();
        InspectedPart embedded = inspection.parts().stream()
                .filter(p -> p.disposition() == InspectedPart.Disposition.EMBEDDED).findFirst().orElseThrow();
        assertThat(embedded.detectedType()).isEqualTo("application/vnd.ms-excel");
        assertThat(embedded.size()).isGreaterThan(0);
        assertThat(embedded.text().text()).contains("Rhiannon Pryce", "CF24 3AA");
    }

    private static byte[] memberList() throws IOException {
        try (HSSFWorkbook book = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            HSSFSheet sheet = book.createSheet("Members");
            String[][] rows = {{"Name", "Postcode", "Phone"}, {"Rhiannon Pryce", "CF24 3AA", "07700 900456"},
                    {"Gareth Lloyd", "CF10 1BH", "07700 900457"}};
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    /** As Excel stores an inserted workbook object: a storage named MBD... holding the workbook's own streams. */
    private static byte[] workbookEmbedding(byte[] inner) throws IOException {
        byte[] outer;
        try (HSSFWorkbook book = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.createSheet("Summary").createRow(0).createCell(0).setCellValue("See the object below");
            book.write(out);
            outer = out.toByteArray();
        }
        try (POIFSFileSystem file = new POIFSFileSystem(new ByteArrayInputStream(outer));
             POIFSFileSystem object = new POIFSFileSystem(new ByteArrayInputStream(inner));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            DirectoryEntry storage = file.getRoot().createDirectory("MBD0000A1B2");
            EntryUtils.copyNodes(object.getRoot(), storage);
            file.writeFilesystem(out);
            return out.toByteArray();
        }
    }
}
