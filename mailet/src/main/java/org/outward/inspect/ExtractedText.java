package org.outward.inspect;

import java.util.List;
import java.util.Objects;

/**
 * The readable text of one part, with its tables kept as tables so detectors can read column headers and
 * count records.
 *
 * @param text      the plain text, cut at {@link InspectionLimits#maxTextCharsPerPart()}
 * @param tables    every table found: spreadsheet sheets, CSV/TSV files, tables in documents and HTML
 * @param truncated whether the text limit, the time limit or a parse failure cut the text short
 */
public record ExtractedText(String text, List<Table> tables, boolean truncated) {

    public static final ExtractedText EMPTY = new ExtractedText("", List.of(), false);

    public ExtractedText {
        Objects.requireNonNull(text, "text");
        tables = List.copyOf(tables);
    }

    /**
     * One table.
     *
     * @param name the sheet name where the format has one, else {@code "table N"} (1-based, in order found)
     * @param rows rows of cell strings, in order; the first row is often the header
     */
    public record Table(String name, List<List<String>> rows) {
        public Table {
            Objects.requireNonNull(name, "name");
            rows = rows.stream().map(List::copyOf).toList();
        }

        @Override
        public String toString() {
            // Cells are content: never let them reach a log by accident.
            return "Table[name=" + name + ", rows=" + rows.size() + "]";
        }
    }

    @Override
    public String toString() {
        return "ExtractedText[chars=" + text.length() + ", tables=" + tables.size() + ", truncated=" + truncated + "]";
    }
}
