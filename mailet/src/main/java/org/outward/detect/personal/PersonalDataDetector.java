package org.outward.detect.personal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The entry point: judges one part's text and tables and says how many records about people it holds, what
 * kinds of data, whether special category data, with redacted evidence. Thread-safe; build one and share it.
 *
 * <pre>{@code
 * PersonalDataDetector detector = new PersonalDataDetector();
 * PersonalDataFinding finding = detector.inspect(new TextAndTables(text, tables));
 * if (finding.reaches(policyThresholds)) { ... }
 * }</pre>
 */
public final class PersonalDataDetector {

    private final TableAnalyser tables;
    private final TextAnalyser text;

    public PersonalDataDetector() {
        this(RecogniserRegistry.standard());
    }

    public PersonalDataDetector(RecogniserRegistry registry) {
        this.tables = new TableAnalyser(registry);
        this.text = new TextAnalyser(registry, tables);
    }

    public PersonalDataFinding inspect(TextAndTables part) {
        if (part.tables().isEmpty()) {
            return text.analyse(part.text());
        }
        List<PersonalDataFinding> fromTables = new ArrayList<>();
        List<Table> aboutPeople = new ArrayList<>();
        for (Table table : part.tables()) {
            PersonalDataFinding finding = tables.analyse(table);
            fromTables.add(finding);
            if (finding.records() > 0) {
                aboutPeople.add(table);
            }
        }
        PersonalDataFinding inTables = Findings.sum(fromTables);
        // Only a table about people stands for its lines: extraction also makes tables of lists split on a
        // comma inside an address or on a bar, which the text's record finders read whole.
        String rest = withoutTableRows(part.text(), aboutPeople);
        if (rest.length() < part.text().length()) {
            // The lines that render the tables were read as tables; what is left is the part's other text.
            return Findings.sum(List.of(inTables, text.analyse(rest)));
        }
        // The text repeats the tables in some other form (a CSV's own lines): count the larger reading.
        return Findings.larger(inTables, text.analyse(part.text()));
    }

    /**
     * The text without the lines that are a table's row as extraction renders it (its cells, tab-separated,
     * blank cells and surrounding blanks aside). Extraction writes a spreadsheet both ways; reading a
     * 20,000-row sheet once more as prose doubled the cost and could only find the same people again.
     */
    static String withoutTableRows(String text, List<Table> tables) {
        int tab = text.indexOf('\t');
        if (tab < 0) {
            return text;
        }
        Set<String> rows = new HashSet<>();
        for (Table table : tables) {
            for (List<String> row : table.rows()) {
                rows.add(rowKey(row));
            }
        }
        StringBuilder rest = new StringBuilder(Math.min(text.length(), 1 << 16));
        StringBuilder key = new StringBuilder();
        boolean removed = false;
        int from = 0;
        while (true) {
            int newline = text.indexOf('\n', from);
            int to = newline < 0 ? text.length() : newline;
            if (tab >= 0 && tab < from) {
                tab = text.indexOf('\t', from); // the next tab, looked for once, not once per line
            }
            boolean tableRow = tab >= from && tab < to && lineKey(text, from, to, key)
                    && rows.contains(key.toString());
            if (tableRow) {
                removed = true;
            } else {
                rest.append(text, from, to);
            }
            if (newline < 0) {
                return removed ? rest.toString() : text;
            }
            rest.append('\n');
            from = newline + 1;
        }
    }

    /** The key of a text line's tab-separated fields, as {@link #rowKey} makes it; false if all are blank. */
    private static boolean lineKey(String text, int from, int to, StringBuilder key) {
        key.setLength(0);
        int cell = from;
        for (int i = from; i <= to; i++) {
            if (i == to || text.charAt(i) == '\t') {
                int start = cell;
                int end = i;
                while (start < end && Character.isWhitespace(text.charAt(start))) {
                    start++;
                }
                while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
                    end--;
                }
                if (end > start) {
                    key.append(text, start, end).append('\u0000');
                }
                cell = i + 1;
            }
        }
        return key.length() > 0;
    }

    /** A row's non-blank cells, stripped, joined by a character no cell holds. */
    private static String rowKey(List<String> row) {
        StringBuilder key = new StringBuilder();
        for (String cell : row) {
            if (cell != null && !cell.isBlank()) {
                key.append(cell.strip()).append('\u0000');
            }
        }
        return key.toString();
    }
}
