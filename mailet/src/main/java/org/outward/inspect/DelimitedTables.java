package org.outward.inspect;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.function.IOSupplier;
import org.apache.tika.detect.AutoDetectReader;
import org.apache.tika.metadata.Metadata;

/**
 * Reads CSV and TSV files as one table each. Done here rather than through Tika's text parser because detectors
 * depend on rows and header cells being exact, and because electoral-roll exports often arrive as plain text
 * named {@code .txt} or disguised: a file whose first lines split evenly on a delimiter is read as a table too.
 * The character set is detected (Excel on Windows still writes CSV in windows-1252).
 */
final class DelimitedTables {

    private static final int SNIFF_LINES = 5;

    private DelimitedTables() {
    }

    /** The delimiter to read this file with, or 0 if it does not look delimited. */
    static char delimiterFor(IOSupplier<InputStream> content, String detectedType, String fileName) throws IOException {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (detectedType.equals("text/tab-separated-values") || detectedType.equals("text/tsv") || name.endsWith(".tsv")) {
            return '\t';
        }
        if (!detectedType.startsWith("text/") || detectedType.equals("text/html")
                || detectedType.equals("application/xhtml+xml") || detectedType.equals("text/rtf")) {
            return 0;
        }
        List<String> lines = new ArrayList<>();
        try (InputStream in = content.get();
             AutoDetectReader reader = new AutoDetectReader(in, new Metadata());
             BufferedReader lineReader = new BufferedReader(reader)) {
            String line;
            while (lines.size() < SNIFF_LINES && (line = readBoundedLine(lineReader)) != null) {
                if (!line.isBlank()) {
                    lines.add(line);
                }
            }
        } catch (org.apache.tika.exception.TikaException e) {
            return 0;
        }
        boolean declaredCsv = detectedType.equals("text/csv") || name.endsWith(".csv");
        for (char candidate : new char[] {',', ';', '\t', '|'}) {
            if (splitsEvenly(lines, candidate, declaredCsv ? 1 : 2)) {
                return candidate;
            }
        }
        return declaredCsv ? ',' : 0;
    }

    /** Reads the table, keeping at most {@code maxChars} characters of cells, into the collector. */
    static void read(IOSupplier<InputStream> content, char delimiter, TextCollector collector) throws Exception {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get();
        try (InputStream in = content.get();
             Reader reader = new AutoDetectReader(in, new Metadata());
             var parser = format.parse(reader)) {
            collector.startElement("", "table", "table", null);
            for (CSVRecord record : parser) {
                collector.startElement("", "tr", "tr", null);
                for (String cell : record) {
                    collector.startElement("", "td", "td", null);
                    collector.characters(cell.toCharArray(), 0, cell.length());
                    collector.endElement("", "td", "td");
                }
                collector.endElement("", "tr", "tr");
            }
            collector.endElement("", "table", "table");
        }
    }

    private static boolean splitsEvenly(List<String> lines, char delimiter, int minColumns) {
        if (lines.size() < 2) {
            return false;
        }
        long first = count(lines.get(0), delimiter);
        if (first + 1 < minColumns || first == 0) {
            return false;
        }
        return lines.stream().allMatch(l -> count(l, delimiter) == first);
    }

    private static long count(String line, char delimiter) {
        return line.chars().filter(c -> c == delimiter).count();
    }

    /** A line, cut at 64 KiB so a file without line breaks cannot fill memory while sniffing. */
    private static String readBoundedLine(BufferedReader reader) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = reader.read()) >= 0) {
            if (c == '\n') {
                return line.toString();
            }
            if (c != '\r' && line.length() < 65_536) {
                line.append((char) c);
            }
        }
        return line.length() == 0 ? null : line.toString();
    }
}
