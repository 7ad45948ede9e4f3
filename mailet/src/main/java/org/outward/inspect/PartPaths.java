package org.outward.inspect;

/**
 * Builds part paths such as {@code 2/1/budget.xlsx}: positions from the top, then the file name.
 * Control and bidirectional characters in names are shown as {@code \}{@code uXXXX} so that a path in a log or a
 * notice reads the same as the bytes, and a right-to-left override cannot disguise it.
 */
final class PartPaths {

    private PartPaths() {
    }

    static String child(String parent, int position) {
        return parent.isEmpty() ? Integer.toString(position) : parent + "/" + position;
    }

    static String named(String positions, String name) {
        return name.isEmpty() ? positions : positions + "/" + safe(name);
    }

    static String safe(String name) {
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR) {
                out.append(String.format("\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }
}
