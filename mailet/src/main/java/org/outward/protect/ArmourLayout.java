package org.outward.protect;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where an ASCII-armoured OpenPGP message sits in a text file: after how many bytes its {@code -----BEGIN PGP}
 * line starts, and whether anything but white space (and a byte-order mark) stands before or after the block.
 * Text beside the block is not encrypted, so a file that has some is not an encrypted file.
 *
 * @param begin       the offset of the BEGIN line, or -1 when the file has no armour header line
 * @param textOutside whether any other text stands before the BEGIN line or after the END line
 */
record ArmourLayout(long begin, boolean textOutside) {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /** Longer lines are not armour; reading stops keeping them after this many bytes. */
    private static final int MAX_KEPT = 128;

    static ArmourLayout of(Path file) throws IOException {
        long begin = -1;
        boolean inside = false;
        boolean ended = false;
        boolean outside = false;
        long offset = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            Line line;
            while ((line = Line.read(in)) != null) {
                String text = line.text();
                if (offset == 0 && text.startsWith(new String(BOM, StandardCharsets.ISO_8859_1))) {
                    text = text.substring(BOM.length);
                }
                String stripped = text.strip();
                if (!inside && !ended && stripped.startsWith("-----BEGIN PGP ") && stripped.endsWith("-----")) {
                    begin = offset + (text.length() - text.stripLeading().length()) + (line.text().length() - text.length());
                    inside = true;
                } else if (inside && stripped.startsWith("-----END PGP ") && stripped.endsWith("-----")) {
                    inside = false;
                    ended = true;
                } else if (!inside && !stripped.isEmpty()) {
                    outside = true;
                }
                offset += line.bytes();
            }
        }
        return new ArmourLayout(begin, outside);
    }

    /** One line of the file: its first bytes as Latin-1 text and its whole length with the line break. */
    private record Line(String text, long bytes) {

        static Line read(InputStream in) throws IOException {
            ByteArrayOutputStream kept = new ByteArrayOutputStream();
            long count = 0;
            int b;
            while ((b = in.read()) >= 0) {
                count++;
                if (b == '\n') {
                    break;
                }
                if (kept.size() < MAX_KEPT) {
                    kept.write(b);
                }
            }
            return count == 0 ? null : new Line(kept.toString(StandardCharsets.ISO_8859_1), count);
        }
    }
}
