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

    /** A delimiter: its split pattern, the fewest fields a table line has, and its character (0: a gap). */
    private record Delimiter(Pattern pattern, int minFields, char ch) {
    }

    private static final List<Delimiter> DELIMITERS = List.of(
            new Delimiter(Pattern.compile("\t"), 2, '\t'),
            new Delimiter(Pattern.compile("\\|"), 3, '|'),
            new Delimiter(Pattern.compile(";"), 3, ';'),
            new Delimiter(Pattern.compile(","), 3, ','),
            new Delimiter(Pattern.compile(" {2,}"), 3, (char) 0));
    private static final int MIN_LINES = 3;

    private TextTableSniffer() {
    }

    static List<Block> find(String[] lines) {
        List<Block> blocks = new ArrayList<>();
        int i = 0;
        while (i < lines.length) {
            Block block = blockAt(lines, i);
            if (block == null) {
                i++;
            } else {
                blocks.add(block);
                i = block.toLine();
            }
        }
        return blocks;
    }

    private static Block blockAt(String[] lines, int start) {
        for (Delimiter d : DELIMITERS) {
            int fields = fields(lines[start], d);
            if (fields < d.minFields()) {
                continue;
            }
            int end = start + 1;
            while (end < lines.length && fields(lines[end], d) == fields) {
                end++;
            }
            if (end - start >= MIN_LINES) {
                List<List<String>> rows = new ArrayList<>();
                for (int r = start; r < end; r++) {
                    rows.add(Arrays.stream(d.pattern().split(lines[r].strip(), -1)).map(String::strip).toList());
                }
                return new Block(new Table("text", rows), start, end);
            }
        }
        return null;
    }

    /** Counted by hand rather than split: this runs on every line of every body. */
    private static int fields(String line, Delimiter d) {
        String trimmed = line.strip();
        if (trimmed.isEmpty()) {
            return 0;
        }
        int fields = 1;
        if (d.ch() != 0) {
            for (int i = 0; i < trimmed.length(); i++) {
                if (trimmed.charAt(i) == d.ch()) {
                    fields++;
                }
            }
            return fields;
        }
        for (int i = 1; i < trimmed.length(); i++) {
            if (trimmed.charAt(i) == ' ' && trimmed.charAt(i - 1) == ' '
                    && (i + 1 >= trimmed.length() || trimmed.charAt(i + 1) != ' ')) {
                fields++;
            }
        }
        return fields;
    }
}
