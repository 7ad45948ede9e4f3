package org.outward.inspect;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Optional;

import org.apache.tika.parser.txt.CharsetDetector;
import org.apache.tika.parser.txt.CharsetMatch;

/**
 * Finds the legacy code page (Shift-JIS, GBK, Big5, EUC-KR, Windows-1252 ...) that bytes which are not UTF-8 are
 * written in: text files and zip entry names from Windows in Japan, China and elsewhere carry no mark of their
 * encoding.
 *
 * <p>Tika's detector (a port of ICU's, which Tika's own text parser uses) ranks code pages by how natural the bytes
 * read in each. A few characters give it nothing to go on (it rates every East Asian code page alike), so then the
 * narrowest code page that reads them wins: Shift-JIS without half-width katakana (the bytes of GBK, Big5 and EUC-KR
 * text read as those in Shift-JIS), then GB18030, which reads almost any double-byte text. Either way a candidate
 * counts only if the bytes decode in it without error and without control characters, and it keeps ASCII as ASCII
 * (no UTF-16, no EBCDIC), so bytes that are no text (compressed, encrypted, executable) find none.
 */
final class LegacyCodePage {

    /** ICU's confidence for a handful of double-byte characters, whichever code page: no evidence either way. */
    private static final int NO_EVIDENCE = 10;

    private static final List<Charset> NARROWEST_FIRST = List.of(Charset.forName("Shift_JIS"),
            Charset.forName("GB18030"));

    private static final byte[] ASCII_SAMPLE = "Aa0 ./_-\n".getBytes(StandardCharsets.US_ASCII);

    private LegacyCodePage() {
    }

    /** The code page the bytes read as text in; empty for UTF-8 (not legacy), and for what is no text. */
    static Optional<Charset> of(byte[] bytes) {
        if (bytes.length == 0 || PlainText.isText(bytes, StandardCharsets.UTF_8)) {
            return Optional.empty();
        }
        CharsetDetector detector = new CharsetDetector();
        detector.setText(bytes);
        for (CharsetMatch match : detector.detectAll()) {
            if (match.getConfidence() <= NO_EVIDENCE) {
                break;
            }
            Optional<Charset> charset = supported(match.getName()).filter(c -> reads(bytes, c));
            if (charset.isPresent()) {
                return charset;
            }
        }
        return NARROWEST_FIRST.stream().filter(c -> reads(bytes, c))
                .filter(c -> !c.name().equals("Shift_JIS") || !new String(bytes, c).chars().anyMatch(
                        ch -> ch >= 0xFF61 && ch <= 0xFF9F))
                .findFirst();
    }

    private static boolean reads(byte[] bytes, Charset charset) {
        return !charset.equals(StandardCharsets.UTF_8)
                && new String(ASCII_SAMPLE, charset).equals(new String(ASCII_SAMPLE, StandardCharsets.US_ASCII))
                && PlainText.isText(bytes, charset);
    }

    private static Optional<Charset> supported(String name) {
        try {
            return Optional.of(Charset.forName(name));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }
}
