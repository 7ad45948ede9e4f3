package org.outward.report;

/**
 * A value from the trail as a readable report prints it: control characters, Unicode line and paragraph separators
 * and other invisible format characters shown as {@code \\uXXXX}, so that a value a sender chose (a Message-ID, an
 * address, a file name) cannot start a line of the report that looks like the report's own.
 */
final class VisibleText {

    private VisibleText() {
    }

    static String of(String value) {
        StringBuilder shown = new StringBuilder(value.length());
        value.codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE) {
                shown.append(String.format("\\u%04X", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        return shown.toString();
    }
}
