package org.outward.detect.personal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.outward.fixtures.PersonalCorpus;

/**
 * The 20,000-row register as an XLSX file, judged with extraction (POI standing in for the walk's Tika)
 * included. Slow to set up, so it runs only on request: {@code mvn -pl mailet test -Doutward.bench=true
 * -Dtest=RegisterXlsxBenchmarkTest}.
 */
@EnabledIfSystemProperty(named = "outward.bench", matches = "true")
class RegisterXlsxBenchmarkTest {

    @Test
    void twentyThousandRowWorkbook() throws IOException {
        List<List<String>> rows = PersonalCorpus.register(20_000);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            XSSFSheet sheet = book.createSheet("Register");
            for (int r = 0; r < rows.size(); r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            book.write(bytes);
        }
        PersonalDataDetector detector = new PersonalDataDetector();
        long best = Long.MAX_VALUE;
        long extraction = Long.MAX_VALUE;
        PersonalDataFinding finding = null;
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            TextAndTables part = CorpusPart.xlsx(bytes.toByteArray());
            long extracted = System.nanoTime();
            finding = detector.inspect(part);
            extraction = Math.min(extraction, (extracted - start) / 1_000_000);
            best = Math.min(best, (System.nanoTime() - start) / 1_000_000);
        }
        System.out.printf("20,000-row XLSX (%d KB) extracted and judged in %d ms, extraction %d ms (best of 3): %s%n",
                bytes.size() / 1024, best, extraction, finding);
        assertThat(finding.records()).isEqualTo(20_000);
    }
}
