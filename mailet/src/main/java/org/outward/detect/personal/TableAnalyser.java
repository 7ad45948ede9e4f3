package org.outward.detect.personal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.outward.detect.personal.ColumnHeadings.Heading;

/**
 * Reads one table the way a data officer would: finds the header row (if any), decides what each column
 * holds from its header and its cells, and counts the rows that are records about one person.
 *
 * <p>A row is a record when it has an identifier (a name, an e-mail, an elector or membership number...) and
 * at least one more kind of personal data or a special category value: a street list with postcodes, a
 * delivery round with a volunteer's name, or candidates with their votes are not lists of people's data.
 */
final class TableAnalyser {

    private static final int HEADER_SEARCH_ROWS = 6;
    private static final int SAMPLE_ROWS = 200;

    private final RecogniserRegistry registry;
    private final ColumnContentClassifier content;
    private final ColumnHeadings headings;

    TableAnalyser(RecogniserRegistry registry) {
        this.registry = registry;
        this.content = new ColumnContentClassifier(registry);
        this.headings = new ColumnHeadings(registry);
    }

    /** What one column turned out to hold. */
    private record Column(DataKind kind, SpecialCategory special, boolean notes, boolean fromHeader) {
        boolean personal() {
            return kind != null || special != null;
        }
    }

    PersonalDataFinding analyse(Table table) {
        List<List<String>> rows = table.rows();
        Header found = headerRow(rows);
        int header = found == null ? -1 : found.row();
        int first = header + 1;
        if (rows.size() - first < 1) {
            return PersonalDataFinding.none();
        }
        int width = 0;
        for (List<String> row : rows) {
            width = Math.max(width, row.size());
        }
        Column[] columns = new Column[width];
        for (int c = 0; c < width; c++) {
            Heading heading = found != null && c < found.headings().length ? found.headings()[c] : UNKNOWN;
            columns[c] = classify(heading, sample(rows, first, c), header >= 0);
        }
        return count(rows, first, columns);
    }

    /** The header row and what each of its cells names (a blank cell names nothing). */
    private record Header(int row, Heading[] headings) {
    }

    private static final Heading UNKNOWN = new Heading(ColumnRole.UNKNOWN, null);

    /**
     * The first row among the first few in which two or more cells are known headers, or which names a
     * reference column and holds no digit (a data row holds the references themselves), with the cells' roles
     * (worked out once: each is a match of the pattern of all roles); null when none.
     */
    private Header headerRow(List<List<String>> rows) {
        for (int r = 0; r < Math.min(HEADER_SEARCH_ROWS, rows.size()); r++) {
            List<String> row = rows.get(r);
            Heading[] roles = new Heading[row.size()];
            int known = 0;
            int filled = 0;
            boolean reference = false;
            boolean digits = false;
            for (int c = 0; c < row.size(); c++) {
                String cell = row.get(c);
                roles[c] = UNKNOWN;
                if (cell != null && !cell.isBlank()) {
                    filled++;
                    roles[c] = headings.of(cell);
                    if (roles[c].known()) {
                        known++;
                    }
                    reference |= roles[c].role() == ColumnRole.REFERENCE;
                    digits |= hasDigit(cell);
                }
            }
            if ((known >= 2 && known * 10 >= filled * 4) || (reference && !digits)) {
                return new Header(r, roles);
            }
        }
        return null;
    }

    private static List<String> sample(List<List<String>> rows, int first, int column) {
        List<String> cells = new ArrayList<>();
        for (int r = first; r < rows.size() && cells.size() < SAMPLE_ROWS; r++) {
            List<String> row = rows.get(r);
            if (column < row.size() && row.get(column) != null && !row.get(column).isBlank()) {
                cells.add(row.get(column));
            }
        }
        return cells;
    }

    private Column classify(Heading heading, List<String> cells, boolean hasHeader) {
        Column column = classifyCells(heading, cells, hasHeader);
        // One number down the whole column is the office's or the room's, whichever way the column was known.
        if (DataKind.PHONE.equals(column.kind()) && ColumnContentClassifier.oneValue(cells)) {
            return new Column(null, null, false, column.fromHeader());
        }
        return column;
    }

    private Column classifyCells(Heading heading, List<String> cells, boolean hasHeader) {
        ColumnRole role = heading.role();
        if (cells.isEmpty()) {
            return new Column(null, null, false, false);
        }
        if (role.special().isPresent()) {
            return new Column(null, role.special().get(), false, true);
        }
        if (role == ColumnRole.NOTES) {
            return new Column(null, null, true, true);
        }
        if (heading.declared() != null && confirmed(heading.declared(), cells)) {
            return new Column(heading.declared(), null, false, true);
        }
        if (role.kind().isPresent() && confirmed(role, cells)) {
            return new Column(role.kind().get(), null, false, true);
        }
        if (role == ColumnRole.NOT_PERSONAL || role == ColumnRole.REFERENCE || role == ColumnRole.TITLE || role == ColumnRole.TOWN
                || role == ColumnRole.POLLING_DISTRICT || role == ColumnRole.ELECTOR_SUFFIX
                || role == ColumnRole.INITIALS) {
            return new Column(null, null, false, true);
        }
        // An unknown header, or a known one the cells contradict: judge by the cells.
        Optional<DataKind> kind = content.classify(cells);
        if (kind.isPresent()) {
            return new Column(kind.get(), null, false, false);
        }
        if (!hasHeader && ColumnContentClassifier.looksLikeCanvassCodes(cells)) {
            return new Column(null, SpecialCategory.POLITICAL_OPINION, false, false);
        }
        return new Column(null, null, !hasHeader, false);
    }

    /** A header's claim holds when enough cells agree: a "Name" column of budget lines is not names. */
    private boolean confirmed(ColumnRole role, List<String> cells) {
        DataKind kind = role.kind().orElseThrow();
        if (kind.equals(DataKind.PERSON_NAME)) {
            // Stops once the share is certain either way, as for the other kinds.
            PersonNameRecogniser names = (PersonNameRecogniser) registry.get(DataKind.PERSON_NAME);
            double needed = cells.size() * 0.6;
            int shaped = 0;
            for (int i = 0; i < cells.size() && shaped < needed && shaped + cells.size() - i >= needed; i++) {
                if (names.hasNameShape(cells.get(i))) {
                    shaped++;
                }
            }
            return shaped >= needed;
        }
        if (kind.equals(DataKind.STREET_ADDRESS)) {
            return hasDigits(cells, 0.3);
        }
        return kind.equals(DataKind.ABSENT_VOTER_STATUS) || ColumnContentClassifier.atLeast(cells, registry.get(kind), 0.5);
    }

    /**
     * A declared identifier's header holds when half the cells are its values, or, for values that exports
     * split into parts (district and number, sort code and account), when most cells hold digits.
     */
    private boolean confirmed(DataKind declared, List<String> cells) {
        Recogniser r = registry.get(declared);
        return r instanceof DeclaredRecogniser d && d.headerTakesDigits() ? hasDigits(cells, 0.8)
                : ColumnContentClassifier.atLeast(cells, r, 0.5);
    }

    private static boolean hasDigits(List<String> cells, double share) {
        int with = 0;
        for (String cell : cells) {
            if (hasDigit(cell)) {
                with++;
            }
        }
        return with >= cells.size() * share;
    }

    private static boolean hasDigit(String cell) {
        for (int i = 0; i < cell.length(); i++) {
            if (Character.isDigit(cell.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private PersonalDataFinding count(List<List<String>> rows, int first, Column[] columns) {
        // Each column's kind as one bit of a row's kinds: a register has tens of thousands of rows.
        List<DataKind> tableKinds = new ArrayList<>();
        long[] kindBits = new long[columns.length];
        for (int c = 0; c < columns.length; c++) {
            DataKind kind = columns[c].kind();
            if (kind != null) {
                int k = tableKinds.indexOf(kind);
                if (k < 0) {
                    k = tableKinds.size();
                    tableKinds.add(kind);
                }
                kindBits[c] = 1L << k;
            }
        }
        int records = 0;
        boolean fromHeaders = true;
        long kinds = 0;
        Set<SpecialCategory> special = EnumSet.noneOf(SpecialCategory.class);
        List<String> evidence = new ArrayList<>();
        for (int r = first; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            long rowKinds = 0;
            Set<SpecialCategory> rowSpecial = EnumSet.noneOf(SpecialCategory.class);
            boolean identifier = false;
            boolean rowFromHeaders = true;
            for (int c = 0; c < Math.min(row.size(), columns.length); c++) {
                String cell = row.get(c);
                Column column = columns[c];
                if (cell == null || cell.isBlank()) {
                    continue;
                }
                if (column.notes()) {
                    SpecialCategoryCues.addTo(rowSpecial, new ScannedText(cell));
                    continue;
                }
                if (!column.personal()) {
                    continue;
                }
                rowFromHeaders &= column.fromHeader();
                if (column.special() != null) {
                    rowSpecial.add(column.special());
                } else {
                    rowKinds |= kindBits[c];
                    identifier |= column.kind().identifier();
                }
            }
            if (identifier && (Long.bitCount(rowKinds) >= 2 || !rowSpecial.isEmpty())) {
                records++;
                kinds |= rowKinds;
                special.addAll(rowSpecial);
                fromHeaders &= rowFromHeaders;
                if (evidence.size() < 3) {
                    evidence.add(evidence(row, columns));
                }
            }
        }
        if (records == 0) {
            return PersonalDataFinding.none();
        }
        DataKind[] seen = new DataKind[Long.bitCount(kinds)];
        int n = 0;
        for (int k = 0; k < tableKinds.size(); k++) {
            if ((kinds & (1L << k)) != 0) {
                seen[n++] = tableKinds.get(k);
            }
        }
        Set<DataKind> found = SortedKinds.sorting(seen, n);
        double confidence = Math.min(1.0, (fromHeaders ? 0.8 : 0.65) + 0.05 * (found.size() - 1));
        return new PersonalDataFinding(records, found, special, confidence, evidence);
    }

    /** "SMITH, Jane" as "Jane Smith", so evidence reads the same whatever the export's name order. */
    private static String registerOrder(String cell) {
        int comma = cell.indexOf(", ");
        return comma < 0 ? cell : cell.substring(comma + 2) + " " + cell.substring(0, comma);
    }

    /** A record's name and postcode (or other first values), redacted. */
    private static String evidence(List<String> row, Column[] columns) {
        StringBuilder name = new StringBuilder();
        String other = null;
        for (int c = 0; c < Math.min(row.size(), columns.length); c++) {
            DataKind kind = columns[c].kind();
            String cell = row.get(c);
            if (kind == null || cell == null || cell.isBlank()) {
                continue;
            }
            if (kind == DataKind.PERSON_NAME) {
                if (name.length() > 0) {
                    name.append(' ');
                }
                name.append(Redactor.name(registerOrder(cell)));
            } else if (kind == DataKind.POSTCODE || (other == null && kind != DataKind.ABSENT_VOTER_STATUS)) {
                other = Redactor.of(kind, cell);
            }
        }
        return other == null ? name.toString() : name.length() == 0 ? other : name + ", " + other;
    }
}
