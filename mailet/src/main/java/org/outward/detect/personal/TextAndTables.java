package org.outward.detect.personal;

import java.util.List;

/**
 * What the inspection core hands over for one part: its plain text and the tables it holds. The walk's own
 * type is adapted to this one, so detection stays independent of how parts are extracted.
 *
 * <p>{@link #toString()} shows sizes only, so a stray log line cannot leak the content.
 *
 * @param text   the part's plain text (may be empty, never null)
 * @param tables the part's tables (may be empty)
 */
public record TextAndTables(String text, List<Table> tables) {

    public TextAndTables {
        text = text == null ? "" : text;
        tables = tables == null ? List.of() : List.copyOf(tables);
    }

    /** A part with text only, such as a message body. */
    public static TextAndTables text(String text) {
        return new TextAndTables(text, List.of());
    }

    @Override
    public String toString() {
        return "TextAndTables[chars=" + text.length() + ", tables=" + tables.size() + "]";
    }
}
