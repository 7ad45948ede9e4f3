package org.outward.display;

import com.samskivert.mustache.Mustache;

/**
 * Removes the invisible characters that change the order text is shown in, from names the gateway and the
 * portal show to people. {@code invoice}, U+202E, {@code fdp.exe} is shown as {@code invoiceexe.pdf} in a browser or mail
 * client; without the override it reads {@code invoicefdp.exe}, what it is.
 * <p>
 * Removed: every character of Unicode general category Cf (format): the explicit embeddings, overrides,
 * isolates and their pops (U+202A–202E, U+2066–2069), the marks (U+200E, U+200F, U+061C), and the other
 * invisible ones (zero-width space, word joiner, byte-order mark, tag characters) that can hide or reorder what
 * a name seems to say. Kept: the zero-width joiner and non-joiner (U+200D, U+200C), which Persian, Indic
 * scripts and emoji need to be written correctly and which cannot reorder anything.
 */
public final class BidiControls {

    /** For Mustache compilers: every value a template shows goes through {@link #strip}. */
    public static final Mustache.Formatter FORMATTER = value -> strip(String.valueOf(value));

    private static final int ZWNJ = 0x200C;
    private static final int ZWJ = 0x200D;

    private BidiControls() {
    }

    /** The text without format characters other than the joiners; null stays null. */
    public static String strip(String text) {
        if (text == null || text.codePoints().noneMatch(BidiControls::removed)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(c -> !removed(c)).forEach(out::appendCodePoint);
        return out.toString();
    }

    /** Whether {@code codePoint} is one of the characters {@link #strip} removes. */
    public static boolean removed(int codePoint) {
        return Character.getType(codePoint) == Character.FORMAT && codePoint != ZWNJ && codePoint != ZWJ;
    }
}
