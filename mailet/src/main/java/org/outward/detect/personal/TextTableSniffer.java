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
    /** The character each of {@link #DELIMITERS} splits on (the gap: spaces, two or more). */
    private static final char[] SPLIT_CHARS = {'\t', '|', ';', ',', ' '};
    /** Index of the gap delimiter, the last of {@link #DELIMITERS}. */
    private static final int GAP = 4;
    private static final int MIN_LINES = 3;

    private TextTableSniffer() {
    }

    static List<Block> find(String[] lines) {
        int[][] fields = new int[lines.length][];
        for (int i = 0; i < lines.length; i++) {
            fields[i] = fields(lines[i]);
        }
        List<Block> blocks = new ArrayList<>();
        int i = 0;
        while (i < lines.length) {
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

    private static Block blockAt(String[] lines, int[][] fields, int start) {
        for (int d = 0; d < DELIMITERS.size(); d++) {
            Delimiter delimiter = DELIMITERS.get(d);
            int count = fields[start][d];
            if (count < delimiter.minFields()) {
                continue;
            }
            int end = start + 1;
            while (end < lines.length && fields[end][d] == count) {
                end++;
            }
            if (end - start >= MIN_LINES) {
                List<List<String>> rows = new ArrayList<>();
                for (int r = start; r < end; r++) {
                    rows.add(cells(lines[r].strip(), d));
                }
                return new Block(new Table("text", rows), start, end);
            }
        }
        return null;
    }

    /**
     * The stripped cells of a stripped line, split as {@code pattern().split(line, -1)} splits it, by hand:
     * on the delimiter's character, or on runs of two or more spaces for the gap.
     */
    static List<String> cells(String line, int delimiter) {
        List<String> cells = new ArrayList<>();
        char split = SPLIT_CHARS[delimiter];
        int from = 0;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (delimiter == GAP) {
                if (ch == ' ' && i + 1 < line.length() && line.charAt(i + 1) == ' ') {
                    cells.add(line.substring(from, i).strip());
                    while (i + 1 < line.length() && line.charAt(i + 1) == ' ') {
                        i++;
                    }
                    from = i + 1;
                }
            } else if (ch == split) {
                cells.add(line.substring(from, i).strip());
                from = i + 1;
            }
        }
        cells.add(line.substring(from).strip());
        return cells;
    }

    /**
     * The number of fields the stripped line splits into on each delimiter, in {@link #DELIMITERS} order
     * (0 for a blank line). Counted by hand, in one pass for all delimiters: this runs on every line of
     * every body.
     */
    private static int[] fields(String line) {
        int[] fields = new int[DELIMITERS.size()];
        int left = 0;
        int right = line.length();
        while (left < right && Character.isWhitespace(line.charAt(left))) {
            left++;
        }
        while (right > left && Character.isWhitespace(line.charAt(right - 1))) {
            right--;
        }
        if (left == right) {
            return fields;
        }
        Arrays.fill(fields, 1);
        for (int i = left; i < right; i++) {
            char ch = line.charAt(i);
            if (ch == ' ') {
                // A gap ends here: two or more spaces, the next character not a space.
                if (i > left && line.charAt(i - 1) == ' ' && (i + 1 >= right || line.charAt(i + 1) != ' ')) {
                    fields[GAP]++;
                }
                continue;
            }
            switch (ch) { // the single-character DELIMITERS, in their order
                case '\t' -> fields[0]++;
                case '|' -> fields[1]++;
                case ';' -> fields[2]++;
                case ',' -> fields[3]++;
                default -> {
                }
            }
        }
        return fields;
    }
}
