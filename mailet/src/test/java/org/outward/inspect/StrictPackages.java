package org.outward.inspect;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Workbooks, documents and presentations saved as Strict OOXML, for tests. POI writes only transitional packages,
 * so a strict one is made from a transitional one by moving its namespaces and relationship types to the strict
 * ones, which is the whole difference between the two for a package of plain text. The rewrite here is plain string replacement of
 * whole parts, independent of the gateway's own streaming translation.
 */
public final class StrictPackages {

    private StrictPackages() {
    }

    /** A transitional workbook with one sheet named {@code sheetName} holding {@code rows} as text cells. */
    public static byte[] transitional(String sheetName, String[][] rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = wb.createSheet(sheetName);
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    /** The same package with every transitional namespace and relationship type replaced by its strict one. */
    public static byte[] strict(byte[] transitional) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(transitional));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                        .replace("http://schemas.openxmlformats.org/spreadsheetml/2006/main",
                                "http://purl.oclc.org/ooxml/spreadsheetml/main")
                        .replace("http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                                "http://purl.oclc.org/ooxml/wordprocessingml/main")
                        .replace("http://schemas.openxmlformats.org/presentationml/2006/main",
                                "http://purl.oclc.org/ooxml/presentationml/main")
                        .replace("http://schemas.openxmlformats.org/officeDocument/2006/relationships",
                                "http://purl.oclc.org/ooxml/officeDocument/relationships")
                        .replace("http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
                                "http://purl.oclc.org/ooxml/officeDocument/extendedProperties")
                        .replace("http://schemas.openxmlformats.org/drawingml/2006/main",
                                "http://purl.oclc.org/ooxml/drawingml/main");
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(xml.getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** The text of every XML part of a package, joined: what a test looks in for namespaces. */
    public static String xml(byte[] ooxml) throws IOException {
        StringBuilder text = new StringBuilder();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(ooxml))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                text.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return text.toString();
    }
}
