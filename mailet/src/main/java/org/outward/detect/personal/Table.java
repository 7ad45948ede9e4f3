package org.outward.detect.personal;

import java.util.List;
import java.util.Objects;

/**
 * One table the inspection core found in a part: a spreadsheet sheet, a CSV/TSV file, an HTML table, or a
 * list pasted into a body. Rows are cell strings as extracted; rows may be ragged.
 *
 * <p>{@link #toString()} never shows cells: tables hold the very data this package looks for.
 *
 * @param name a label such as a sheet name, never content
 * @param rows the rows, first to last, including any header row
 */
public record Table(String name, List<List<String>> rows) {

    public Table {
        name = name == null ? "" : name;
        rows = List.copyOf(Objects.requireNonNull(rows, "rows"));
    }

    @Override
    public String toString() {
        return "Table[name=" + name + ", rows=" + rows.size() + "]";
    }
}
