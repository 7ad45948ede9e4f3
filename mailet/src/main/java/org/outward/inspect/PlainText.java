package org.outward.inspect;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises a part that says it is {@code text/plain} and plainly is: prose in UTF-8 (or ASCII), so that Tika's
 * type detection can be skipped for it. That detection costs about a millisecond per part whatever the part's
 * size, because every magic of Tika's database is tried, and it was the largest single cost of a one-part text
 * message (see docs/performance.md).
 *
 * <p>The answer is only ever "certainly plain text" or "let Tika look": anything that claims to be text but is not
 * (control bytes, invalid UTF-8, a byte-order mark) and anything a textual format could start with or carry in its
 * head (a header line of an attached message, PDF, PostScript or RTF markers, markup, armoured OpenPGP or PEM, a
 * script's {@code #!}) goes to Tika as before, so a disguised file is still found out. The markers are those of
 * Tika's magic database that can match printable text; {@code PlainTextTest} checks the shortcut against Tika.
 */
final class PlainText {

    /** Larger text parts go through Tika; the shortcut is for the ordinary body of a message. */
    static final long MAX_BYTES = 1 << 20;

    /** Tika's magic looks no further than this into a file. */
    private static final int HEAD_CHARS = 64 * 1024;

    /** A header field at the start (an attached message, a news article, and any "Word:" format) goes to Tika. */
    private static final Pattern FIELD_LINE = Pattern.compile("[\\p{Alnum}_.-]+[ \\t]*:");

    /** Beginnings that Tika's magic knows as formats of their own although they start with a letter. */
    private static final List<String> FORMAT_STARTS = List.of("from ", "article ", "begin", "id;", "bookmobi",
            "freehand", "webvtt", "version", "msh|", "isa", "d8:", "relay-version", "forward to", "pipe to", "n#!");

    /** Markers Tika's magic finds within a file's head; a text holding one goes to Tika. */
    private static final List<String> HEAD_MARKERS = List.of("%pdf", "%%", "%!", "%a ", "%ai5", "message-id:",
            "\nfrom:", "\nreceived:", "\nreturn-path:", "\ndate:", "\nrelay-version:", "<html", "<?", "<!doctype",
            "<tmx", "{\\rtf", "-----begin", "#!", "\nsection", "\n0\r\nsection");

    private PlainText() {
    }

    /**
     * Whether a spooled part declared as {@code declaredType} and named {@code fileName} is certainly plain text.
     * A name other than {@code .txt} goes to Tika, which lets the name narrow the type ({@code .csv}).
     */
    static boolean certainly(Path file, Spool.Result spool, String declaredType, String fileName) {
        if (!claimed(declaredType, fileName) || spool.cut() || spool.broken() || spool.bytes() == 0
                || spool.bytes() > MAX_BYTES) {
            return false;
        }
        try {
            return certainly(Files.readAllBytes(file));
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether a part declared as {@code declaredType} and named {@code fileName} may take the shortcut. */
    static boolean claimed(String declaredType, String fileName) {
        return declaredType.equals("text/plain")
                && (fileName.isEmpty() || fileName.toLowerCase(Locale.ROOT).endsWith(".txt"));
    }

    /**
     * Whether the file's head is readable text in UTF-8 (or ASCII): no bytes that are not characters, no control
     * characters but white space. Says nothing about the format: XML, ISA-Tab and source code are all text.
     */
    static boolean isText(Path file) {
        byte[] head = head(file);
        return head.length > 0 && isText(head, StandardCharsets.UTF_8);
    }

    /** Up to the first 8 KiB of the file; empty if it cannot be read. */
    static byte[] head(Path file) {
        try (var in = Files.newInputStream(file)) {
            return in.readNBytes(8 * 1024);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    /**
     * Whether a file's head decodes in this charset to characters with no control characters but white space.
     * The head may be cut in the middle of a character: only what decodes is judged.
     */
    static boolean isText(byte[] head, Charset charset) {
        int n = head.length;
        CharBuffer chars = CharBuffer.allocate(n);
        var decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        if (decoder.decode(ByteBuffer.wrap(head, 0, n), chars, n < 8 * 1024).isError()) {
            return false;
        }
        chars.flip();
        for (int i = 0; i < chars.length(); i++) {
            char c = chars.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || (c >= 0x7f && c <= 0x9f)) {
                return false;
            }
        }
        return true;
    }

    static boolean certainly(byte[] bytes) {
        CharBuffer chars;
        try {
            chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            return false;
        }
        String text = chars.toString();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f')
                    || (c >= 0x7f && c <= 0x9f) || c == '\uFEFF';
            if (control) {
                return false;
            }
        }
        int start = 0;
        while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        if (start == text.length() || !Character.isLetterOrDigit(text.codePointAt(start))) {
            return false;
        }
        String whole = text.substring(0, Math.min(text.length(), HEAD_CHARS)).toLowerCase(Locale.ROOT);
        String head = text.substring(start, Math.min(text.length(), start + 64)).toLowerCase(Locale.ROOT);
        if (FIELD_LINE.matcher(head).lookingAt() || FORMAT_STARTS.stream().anyMatch(head::startsWith)) {
            return false;
        }
        return HEAD_MARKERS.stream().noneMatch(whole::contains);
    }
}
