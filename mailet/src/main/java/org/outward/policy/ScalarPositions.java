package org.outward.policy;

import java.util.Optional;

import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Where a character of a scalar's value stands in the policy file. YAML hands over the value with its quotes,
 * escapes and block indentation removed, so a position inside the value (where a regular expression went
 * wrong) is not its position in the file: this walks the scalar's source the way YAML read it, one value
 * character at a time, so the admin is pointed at the very character.
 */
final class ScalarPositions {

    private final int[][] lines;

    ScalarPositions(String text) {
        String[] split = text.split("\r\n|\r|\n", -1);
        lines = new int[split.length][];
        for (int i = 0; i < split.length; i++) {
            lines[i] = split[i].codePoints().toArray();
        }
    }

    /**
     * The 1-based line and column in the file of the value's character at {@code offset} (a UTF-16 index
     * into {@link ScalarNode#getValue()}; the value's length means just after its end), if the node has a
     * position.
     */
    Optional<int[]> of(ScalarNode node, int offset) {
        Optional<Mark> start = node.getStartMark();
        if (start.isEmpty() || start.get().getLine() >= lines.length) {
            return Optional.empty();
        }
        int line = start.get().getLine();
        int column = start.get().getColumn();
        ScalarStyle style = node.getScalarStyle();
        int[] at = switch (style) {
            case LITERAL, FOLDED -> block(line, offset);
            case SINGLE_QUOTED, DOUBLE_QUOTED -> flow(line, column + 1, offset, style);
            default -> flow(line, column, offset, style);
        };
        return Optional.of(new int[] {at[0] + 1, at[1] + 1});
    }

    /** A plain or quoted scalar: one value character per source character but for escapes and folded breaks. */
    private int[] flow(int line, int column, int offset, ScalarStyle style) {
        int produced = 0;
        while (produced < offset) {
            if (column >= lines[line].length) {
                if (line + 1 >= lines.length) {
                    break;
                }
                // A line break inside a flow scalar folds into one space; the next line's indentation is dropped.
                line++;
                column = indentation(lines[line]);
                produced++;
                continue;
            }
            int width = width(lines[line], column, style);
            produced += Character.charCount(lines[line][column]) == 2 && width == 1 ? 2 : 1;
            column += width;
        }
        return new int[] {line, column};
    }

    /** How many source characters make the value character at this column. */
    private static int width(int[] source, int column, ScalarStyle style) {
        int c = source[column];
        if (style == ScalarStyle.SINGLE_QUOTED && c == '\'' && column + 1 < source.length && source[column + 1] == '\'') {
            return 2;
        }
        if (style == ScalarStyle.DOUBLE_QUOTED && c == '\\' && column + 1 < source.length) {
            return switch (source[column + 1]) {
                case 'x' -> 4;
                case 'u' -> 6;
                case 'U' -> 10;
                default -> 2;
            };
        }
        return 1;
    }

    /** A literal or folded block: its content starts on the next line, each line after the block's indentation. */
    private int[] block(int line, int offset) {
        int first = line + 1;
        int indent = first < lines.length ? indentation(lines[first]) : 0;
        int produced = 0;
        for (int l = first; l < lines.length; l++) {
            int length = Math.max(0, lines[l].length - indent);
            if (produced + length >= offset) {
                return new int[] {l, indent + (offset - produced)};
            }
            produced += length + 1;
        }
        return new int[] {line, 0};
    }

    private static int indentation(int[] source) {
        int i = 0;
        while (i < source.length && source[i] == ' ') {
            i++;
        }
        return i;
    }
}
