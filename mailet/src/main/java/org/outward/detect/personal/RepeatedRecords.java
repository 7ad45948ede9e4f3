package org.outward.detect.personal;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds records by what they contain, whatever joins their fields: a unit of text that holds a name and a
 * person's details is a record when at least {@value #MIN_RUN} units in a row have the same shape (much the
 * same kinds of details). Dashes, bars, slashes, runs of spaces, brackets or list markers between the fields
 * do not matter; nor whether the name is in the name lists, since the repetition vouches for it.
 *
 * <p>Units are read two ways. A <b>line</b> is a unit when it holds a name and details
 * ({@code Ffion Okafor - 12 Heol y Bryn, SY23 3AB - 07700 900123}, {@code 3. Aled Parry (07700 900123)},
 * a list item or a {@code <br>} line as extraction writes them). A <b>block</b> of lines is a unit when its
 * name comes before its details (address labels, vCards, contact blocks): blocks are separated by more blank
 * lines than the text usually leaves between its lines (extraction writes a blank line after every
 * paragraph), and a long block whose lines are one field each (a table copied out of a document or a PDF)
 * is cut at each line that is a name alone.
 *
 * <p>One unit, or two, is never a list: a signature, or a reply thread whose signatures alternate with
 * quoted text, makes no run. Lines of mail headers quoted in a reply are not units.
 */
final class RepeatedRecords {

    /** The fewest units of one shape in a row that make a list. */
    static final int MIN_RUN = 3;
    /** How sure a name is that only repetition vouches for. */
    private static final double REPEATED_NAME_SCORE = 0.7;
    /** Gaps between non-blank lines are counted up to this many lines; longer ones all count as this. */
    private static final int LONGEST_GAP = 8;

    /** Header lines of a message quoted in a reply, in English and Welsh. */
    private static final String[] QUOTED_HEADERS = {"From:", "To:", "Cc:", "Bcc:", "Sent:", "Date:", "Reply-To:",
        "Oddi wrth:"};

    /** A name on a line: where it is and how sure. */
    private record Name(int start, int end, double score) {
    }

    private final String text;
    private final List<Match> details;
    private final List<Match> names;
    /** The non-blank lines, stripped: [from[k], to[k]), line number line[k]; their details [first[k], end[k]). */
    private final int[] from;
    private final int[] to;
    private final int[] line;
    private final int[] first;
    private final int[] end;
    private final int count;
    /** Per non-blank line: its name or null, looked for once. */
    private final Name[] name;
    private final boolean[] nameLooked;
    private final List<RecordSpan> found = new ArrayList<>();

    private RepeatedRecords(String text, List<Match> details, List<Match> names) {
        this.text = text;
        this.details = details;
        this.names = names;
        TextTableSniffer.Lines lines = TextTableSniffer.Lines.of(text);
        int n = lines.count();
        from = new int[n];
        to = new int[n];
        line = new int[n];
        first = new int[n];
        end = new int[n];
        int m = 0;
        int d = 0;
        for (int i = 0; i < n; i++) {
            int l = lines.starts()[i];
            int r = lines.ends()[i];
            while (l < r && Character.isWhitespace(text.charAt(l))) {
                l++;
            }
            while (r > l && Character.isWhitespace(text.charAt(r - 1))) {
                r--;
            }
            if (l == r) {
                continue;
            }
            while (d < details.size() && details.get(d).start() < l) {
                d++;
            }
            first[m] = d;
            while (d < details.size() && details.get(d).start() < r) {
                d++;
            }
            end[m] = d;
            from[m] = l;
            to[m] = r;
            line[m++] = i;
        }
        count = m;
        name = new Name[m];
        nameLooked = new boolean[m];
    }

    /**
     * The records of the text that repetition shows.
     *
     * @param details the text's details (all kinds but names), sorted by start
     * @param names   the name recogniser's names, sorted by start, without overlaps
     */
    static List<RecordSpan> find(String text, List<Match> details, List<Match> names) {
        if (details.size() < MIN_RUN || !onManyLines(text, details)) {
            return List.of(); // most mail: a signature, an address in a flyer
        }
        RepeatedRecords finder = new RepeatedRecords(text, details, names);
        boolean[] inLineRecord = finder.lines();
        finder.blocks(inLineRecord);
        return finder.found;
    }

    /** Whether the details stand on at least {@value #MIN_RUN} lines, as any run of records' do. */
    private static boolean onManyLines(String text, List<Match> details) {
        int lines = 1;
        for (int d = 1; d < details.size(); d++) {
            for (int i = details.get(d - 1).end(); i < details.get(d).start(); i++) {
                if (text.charAt(i) == '\n') {
                    if (++lines >= MIN_RUN) {
                        return true;
                    }
                    break;
                }
            }
        }
        return false;
    }

    // ---- lines ------------------------------------------------------------------------------------------

    /** Finds runs of record lines; says which lines they took. */
    private boolean[] lines() {
        boolean[] taken = new boolean[count];
        int k = 0;
        while (k < count) {
            int shape = lineShape(k);
            if (shape == 0) {
                k++;
                continue;
            }
            int j = k + 1;
            while (j < count && alike(shape, lineShape(j))) {
                j++;
            }
            if (j - k >= MIN_RUN) {
                for (int u = k; u < j; u++) {
                    Name who = nameOf(u);
                    found.add(new RecordSpan(who.start(), who.end(), who.score(), from[u], to[u], first[u], end[u]));
                    taken[u] = true;
                }
            }
            k = j;
        }
        return taken;
    }

    /** The kinds of a record line's details as bits, or 0 if the line is no record (no name or no details). */
    private int lineShape(int k) {
        if (first[k] == end[k] || quotedHeader(k) || nameOf(k) == null) {
            return 0;
        }
        return kinds(first[k], end[k]);
    }

    /** "From: Jane Smith <jane@...>" and its like: a reply's quoted headers name people without listing them. */
    private boolean quotedHeader(int k) {
        int i = from[k];
        while (i < to[k] && (text.charAt(i) == '>' || text.charAt(i) == ' ')) {
            i++;
        }
        for (String header : QUOTED_HEADERS) {
            if (text.regionMatches(true, i, header, 0, header.length())) {
                return true;
            }
        }
        return false;
    }

    // ---- blocks -----------------------------------------------------------------------------------------

    /** Finds runs of record blocks among the lines no line record took. */
    private void blocks(boolean[] taken) {
        int gap = usualGap();
        List<int[]> run = new ArrayList<>(); // {first line, last line + 1} of each block of the run
        int shape = 0;
        int k = 0;
        while (k < count) {
            if (taken[k]) {
                record(run);
                run.clear();
                k++;
                continue;
            }
            int j = k + 1;
            while (j < count && !taken[j] && line[j] - line[j - 1] <= gap) {
                j++;
            }
            for (int[] unit : cut(k, j)) {
                int s = blockShape(unit);
                if (s != 0 && !run.isEmpty() && alike(shape, s)) {
                    run.add(unit);
                    continue;
                }
                record(run);
                run.clear();
                if (s != 0) {
                    run.add(unit);
                    shape = s;
                }
            }
            k = j;
        }
        record(run);
    }

    /**
     * The usual number of lines from one non-blank line to the next: 1 where lines follow each other, 2 where
     * extraction leaves a blank line after each. Blocks are separated by more.
     */
    private int usualGap() {
        int[] gaps = new int[LONGEST_GAP + 1];
        for (int k = 1; k < count; k++) {
            gaps[Math.min(LONGEST_GAP, line[k] - line[k - 1])]++;
        }
        int usual = 1;
        for (int g = 1; g <= LONGEST_GAP; g++) {
            if (gaps[g] > gaps[usual]) {
                usual = g;
            }
        }
        return usual;
    }

    /**
     * Adds the block of lines [k, j) as units: whole, or, when two or more of its lines are a name alone, cut
     * before each such line (the fields of a table copied out one to a line).
     */
    private List<int[]> cut(int k, int j) {
        List<int[]> units = new ArrayList<>();
        int cuts = 0;
        for (int u = k; u < j; u++) {
            if (nameAlone(u)) {
                cuts++;
            }
        }
        if (cuts < 2) {
            units.add(new int[] {k, j});
            return units;
        }
        int start = -1;
        for (int u = k; u < j; u++) {
            if (nameAlone(u)) {
                if (start >= 0) {
                    units.add(new int[] {start, u});
                }
                start = u;
            }
        }
        units.add(new int[] {start, j});
        return units;
    }

    /** Whether a line is a name and nothing else but list markers. */
    private boolean nameAlone(int k) {
        if (first[k] != end[k]) {
            return false;
        }
        Name who = nameOf(k);
        if (who == null || who.end() != to[k]) {
            return false;
        }
        for (int i = from[k]; i < who.start(); i++) {
            if (Character.isLetter(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The kinds of a block's details as bits, or 0 if it is no record: one line alone, no name, no details, or
     * a name that only comes after the details (a venue's address, then whoever runs it).
     */
    private int blockShape(int[] unit) {
        int a = unit[0];
        int b = unit[1];
        if (b - a < 2 || first[a] == end[b - 1]) {
            return 0;
        }
        int firstDetailAt = details.get(first[a]).start();
        for (int u = a; u < b && from[u] < firstDetailAt; u++) {
            Name who = nameOf(u);
            if (who != null && who.end() <= firstDetailAt) {
                return kinds(first[a], end[b - 1]);
            }
        }
        return 0;
    }

    /** Adds a run of block units as records, if it is long enough. */
    private void record(List<int[]> run) {
        if (run.size() < MIN_RUN) {
            return;
        }
        for (int[] unit : run) {
            int a = unit[0];
            int b = unit[1];
            for (int u = a; u < b; u++) {
                Name who = nameOf(u);
                if (who != null) {
                    found.add(new RecordSpan(who.start(), who.end(), who.score(), from[a], to[b - 1], first[a],
                            end[b - 1]));
                    break;
                }
            }
        }
    }

    // ---- shapes and names -------------------------------------------------------------------------------

    /**
     * The shape of the details [firstDetail, endDetail) as bits, one for each way of reaching or placing a
     * person: contact (phone, e-mail), place (street, postcode), identity (numbers and dates that point at one
     * person). A list gives one person's phone and another's e-mail in the same place; that is one shape.
     */
    private int kinds(int firstDetail, int endDetail) {
        int bits = 0;
        for (int d = firstDetail; d < endDetail; d++) {
            DataKind kind = details.get(d).kind();
            if (kind == DataKind.PHONE || kind == DataKind.EMAIL) {
                bits |= 1;
            } else if (kind == DataKind.STREET_ADDRESS || kind == DataKind.POSTCODE) {
                bits |= 2;
            } else {
                bits |= 4;
            }
        }
        return bits;
    }

    /** Two shapes are alike when they share at least half of what either has (a missing phone is no new shape). */
    private static boolean alike(int a, int b) {
        return a != 0 && b != 0 && 2 * Integer.bitCount(a & b) >= Integer.bitCount(a | b);
    }

    /**
     * The name on a non-blank line, outside its details: the name recogniser's if it found one there, else a
     * name-shaped phrase; or null.
     */
    private Name nameOf(int k) {
        if (nameLooked[k]) {
            return name[k];
        }
        nameLooked[k] = true;
        for (int i = firstNameFrom(from[k]); i < names.size() && names.get(i).start() < to[k]; i++) {
            Match m = names.get(i);
            if (m.end() <= to[k] && outsideDetails(k, m.start(), m.end())) {
                name[k] = new Name(m.start(), m.end(), m.score());
                return name[k];
            }
        }
        int at = from[k];
        for (int d = first[k]; d <= end[k]; d++) {
            int stop = d < end[k] ? Math.max(at, details.get(d).start()) : to[k];
            int[] phrase = NamePhrases.first(text, at, stop);
            if (phrase != null) {
                name[k] = new Name(phrase[0], phrase[1], REPEATED_NAME_SCORE);
                return name[k];
            }
            if (d < end[k]) {
                at = Math.max(at, details.get(d).end());
            }
        }
        return null;
    }

    /** The index of the first name that starts at or after {@code at}. */
    private int firstNameFrom(int at) {
        int low = 0;
        int high = names.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (names.get(mid).start() < at) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private boolean outsideDetails(int k, int start, int stop) {
        for (int d = first[k]; d < end[k]; d++) {
            Match m = details.get(d);
            if (m.start() < stop && start < m.end()) {
                return false;
            }
        }
        return true;
    }
}
