package org.outward.inspect;

import java.nio.charset.StandardCharsets;

/**
 * Finds a PDF that starts after a print system's job header (PostScript-style {@code %%} comments of a print room,
 * HP's PJL). PDF readers look for the {@code %PDF-} header line anywhere in the first 1024 bytes (Acrobat has done
 * so since version 4, and PDFBox reads past what comes before); Tika's magic looks less far, and a header of
 * {@code %%} comments reads to it as MATLAB source.
 */
final class PdfHeader {

    /** How far readers look for the header. */
    static final int WINDOW = 1024;

    private PdfHeader() {
    }

    /** Whether a line in the first {@link #WINDOW} bytes starts {@code %PDF-} and a version digit. */
    static boolean within(byte[] head) {
        String start = new String(head, 0, Math.min(head.length, WINDOW), StandardCharsets.ISO_8859_1);
        int at = start.indexOf("%PDF-");
        while (at >= 0) {
            boolean lineStart = at == 0 || start.charAt(at - 1) == '\n' || start.charAt(at - 1) == '\r';
            if (lineStart && at + 5 < start.length() && Character.isDigit(start.charAt(at + 5))) {
                return true;
            }
            at = start.indexOf("%PDF-", at + 1);
        }
        return false;
    }
}
