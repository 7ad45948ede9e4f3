package org.outward.detect.personal;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Turns a corpus file into what the inspection core will hand over (text plus tables), standing in for the
 * MIME walk's Tika extraction until it lands: CSV/TSV with commons-csv, XLSX with POI, .txt as body text.
 */
final class CorpusPart {

    private CorpusPart() {
    }

    /** The text of every text and CSV file of the corpus, as it reaches detection. */
    static List<String> texts() throws IOException {
        List<String> texts = new ArrayList<>();
        for (CorpusTest.Label label : CorpusTest.labels()) {
            if (label.path().endsWith(".txt") || label.path().endsWith(".csv")) {
                texts.add(read(label.path()).text());
            }
        }
        return texts;
    }

    static TextAndTables read(String path) {
        try (InputStream in = CorpusPart.class.getResourceAsStream("/fixtures/personal/" + path)) {
            if (in == null) {
                throw new IllegalStateException("missing corpus file " + path);
            }
            byte[] bytes = in.readAllBytes();
            if (path.endsWith(".xlsx")) {
                return xlsx(bytes);
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (path.endsWith(".csv")) {
                return new TextAndTables(text, List.of(delimited(path, text, CSVFormat.DEFAULT)));
            }
            if (path.endsWith(".tsv")) {
                return new TextAndTables(text, List.of(delimited(path, text, CSVFormat.TDF)));
            }
            return TextAndTables.text(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Table delimited(String name, String text, CSVFormat format) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (CSVRecord record : format.parse(new StringReader(text))) {
            rows.add(record.toList());
        }
        return new Table(name, rows);
    }

    /** Tables per sheet and, as Tika does, the cells as tab-separated text. */
    static TextAndTables xlsx(byte[] bytes) throws IOException {
        DataFormatter formatter = new DataFormatter();
        List<Table> tables = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        try (XSSFWorkbook book = new XSSFWorkbook(new java.io.ByteArrayInputStream(bytes))) {
            for (Sheet sheet : book) {
                List<List<String>> rows = new ArrayList<>();
                text.append(sheet.getSheetName()).append('\n');
                for (Row row : sheet) {
                    List<String> cells = new ArrayList<>();
                    for (int c = 0; c < row.getLastCellNum(); c++) {
                        Cell cell = row.getCell(c);
                        cells.add(cell == null ? "" : formatter.formatCellValue(cell));
                    }
                    rows.add(cells);
                    text.append(String.join("\t", cells)).append('\n');
                }
                tables.add(new Table(sheet.getSheetName(), rows));
            }
        }
        return new TextAndTables(text.toString(), tables);
    }
}
