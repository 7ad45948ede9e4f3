package org.outward.detect.personal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds tables pasted into running text: three or more consecutive lines that split into the same number of
 * fields on a tab, a bar, a semicolon, a comma or a wide gap of spaces. A list pasted from a spreadsheet
 * into a body is the same leak as the spreadsheet attached, and reading it as a table lets its header row
 * count.
 */
final class TextTableSniffer {

    /** A table found in the text and the lines [from, to) it occupies. */
    record Block(Table table, int fromLine, int toLine) {
    }

    /** A delimiter: its split pattern and the fewest fields a table line has. */
    private record Delimiter(Pattern pattern, int minFields) {
    }

    private static final List<Delimiter> DELIMITERS = List.of(
            new Delimiter(Pattern.compile("\t"), 2),
            new Delimiter(Pattern.compile("\\|"), 3),
            new Delimiter(Pattern.compile(";"), 3),
            new Delimiter(Pattern.compile(","), 3),
            new Delimiter(Pattern.compile(" {2,}"), 3));
    /** The fewest fields of a table line, for each of {@link #DELIMITERS}, looked up for every line. */
    private static final int[] MIN_FIELDS = DELIMITERS.stream().mapToInt(Delimiter::minFields).toArray();
    /** The character each of {@link #DELIMITERS} splits on (the gap: spaces, two or more). */
    private static final char[] SPLIT_CHARS = {'\t', '|', ';', ',', ' '};
    /** Index of the gap delimiter, the last of {@link #DELIMITERS}. */
    private static final int GAP = 4;
    private static final int MIN_LINES = 3;

    private TextTableSniffer() {
    }

    /** The lines of a text, as offsets: line i is [starts[i], ends[i]), without its line end. */
    record Lines(String text, int[] starts, int[] ends, int count) {

        /** The lines of the text, split on LF or CRLF by hand: this runs on every body. */
        static Lines of(String text) {
            int[] starts = new int[16];
            int[] ends = new int[16];
            int n = 0;
            int from = 0;
            while (true) {
                int newline = text.indexOf('\n', from);
                int to = newline < 0 ? text.length() : newline;
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                    ends = Arrays.copyOf(ends, n * 2);
                }
                starts[n] = from;
                ends[n++] = to > from && text.charAt(to - 1) == '\r' ? to - 1 : to;
                if (newline < 0) {
                    return new Lines(text, starts, ends, n);
                }
                from = newline + 1;
            }
        }

        String line(int i) {
            return text.substring(starts[i], ends[i]);
        }
    }

    static List<Block> find(Lines lines) {
        if (lines.count() < MIN_LINES) {
            return List.of();
        }
        int[] fields = fieldCounts(lines);
        List<Block> blocks = new ArrayList<>();
        int i = 0;
        while (i < lines.count()) {
            Block block = blockAt(lines, fields, i);
            if (block == null) {
                i++;
            } else {
                blocks.add(block);
                i = block.toLine();
            }
        }
        return blocks;
    }

    private static Block blockAt(Lines lines, int[] fields, int start) {
        int width = MIN_FIELDS.length;
        for (int d = 0; d < width; d++) {
            int count = fields[start * width + d];
            if (count < MIN_FIELDS[d]) {
                continue;
            }
            int end = start + 1;
            while (end < lines.count() && fields[end * width + d] == count) {
                end++;
            }
            if (end - start >= MIN_LINES) {
                // Made as the immutable list the table keeps, which it then takes without a copy of its own.
                @SuppressWarnings("unchecked")
                List<String>[] rows = new List[end - start];
                for (int r = start; r < end; r++) {
                    rows[r - start] = cells(lines.text(), lines.starts()[r], lines.ends()[r], d);
                }
                return new Block(new Table("text", List.of(rows)), start, end);
            }
        }
        return null;
    }

    /**
     * The stripped cells of a stripped line, split as {@code pattern().split(line, -1)} splits it, by hand:
     * on the delimiter's character, or on runs of two or more spaces for the gap.
     */
    static List<String> cells(String line, int delimiter) {
        return cells(line, 0, line.length(), delimiter);
    }

    /** {@link #cells(String, int)} of {@code text[from, to)} stripped, read in place. */
    static List<String> cells(String text, int from, int to, int delimiter) {
        while (from < to && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        List<String> cells = new ArrayList<>();
        int cell = from;
        // Each delimiter found with indexOf, which reads a line far faster than a loop over its characters;
        // the search past the line's end stops at the next delimiter in the text, the next line's for a table.
        if (delimiter == GAP) {
            for (int at = text.indexOf("  ", from); at >= 0 && at + 1 < to; at = text.indexOf("  ", cell)) {
                cells.add(stripped(text, cell, at));
                int end = at + 2;
                while (end < to && text.charAt(end) == ' ') {
                    end++;
                }
                cell = end;
            }
        } else {
            char split = SPLIT_CHARS[delimiter];
            for (int at = text.indexOf(split, from); at >= 0 && at < to; at = text.indexOf(split, at + 1)) {
                cells.add(stripped(text, cell, at));
                cell = at + 1;
            }
        }
        cells.add(stripped(text, cell, to));
        return cells;
    }

    /** {@code line.substring(from, to).strip()}, made as one string: every cell of a pasted list is one. */
    private static String stripped(String line, int from, int to) {
        while (from < to && Character.isWhitespace(line.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(line.charAt(to - 1))) {
            to--;
        }
        return line.substring(from, to);
    }

    /**
     * For each line, the number of fields its stripped form splits into on each delimiter, in
     * {@link #DELIMITERS} order, as {@code pattern().split(line, -1).length} counts them (0 for a blank line):
     * line i's counts at [i * width, (i + 1) * width). Counted from where each delimiter occurs in the whole
     * text, found with {@code indexOf}, instead of looking at every character: this runs on every body, and
     * prose has few tabs, bars, semicolons and double spaces.
     */
    static int[] fieldCounts(Lines lines) {
        int width = DELIMITERS.size();
        int count = lines.count();
        String text = lines.text();
        int[] fields = new int[count * width];
        int[] left = new int[count];
        int[] right = new int[count];
        for (int line = 0; line < count; line++) {
            int l = lines.starts()[line];
            int r = lines.ends()[line];
            while (l < r && Character.isWhitespace(text.charAt(l))) {
                l++;
            }
            while (r > l && Character.isWhitespace(text.charAt(r - 1))) {
                r--;
            }
            left[line] = l;
            right[line] = r;
            if (l < r) {
                for (int d = 0; d < width; d++) { // a loop: Arrays.fill of five ints cost more than it fills
                    fields[line * width + d] = 1;
                }
            }
        }
        for (int d = 0; d < GAP; d++) {
            int line = 0;
            for (int at = text.indexOf(SPLIT_CHARS[d]); at >= 0; at = text.indexOf(SPLIT_CHARS[d], at + 1)) {
                line = lineOf(lines, line, at);
                if (at >= left[line] && at < right[line]) {
                    fields[line * width + d]++;
                }
            }
        }
        // A gap is a run of two or more spaces with the stripped line's characters on both sides.
        int line = 0;
        for (int at = text.indexOf("  "); at >= 0; ) {
            int end = at + 2;
            while (end < text.length() && text.charAt(end) == ' ') {
                end++;
            }
            line = lineOf(lines, line, at);
            if (at > left[line] && end < right[line]) {
                fields[line * width + GAP]++;
            }
            at = text.indexOf("  ", end);
        }
        return fields;
    }

    /** The line holding offset {@code at} (not a line end), looking from line {@code from} on. */
    private static int lineOf(Lines lines, int from, int at) {
        int line = from;
        while (lines.ends()[line] <= at) {
            line++;
        }
        return line;
    }
}
