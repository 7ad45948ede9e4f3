package org.outward.inspect;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The text anyone can read in an encrypted file without its key: runs of readable characters in its raw bytes,
 * in UTF-8 (or ASCII) and in UTF-16LE (the file names 7-Zip and Windows keep). An encrypted file is more than its
 * ciphertext: archive entry names, comments, unencrypted metadata and anything appended after the end of the
 * format's structure travel in the clear, and a list of people put there is sent unprotected however strong the
 * cipher beside it. Ciphertext gives only short accidental runs; structure gives keywords and names, which the
 * detectors pass over.
 */
final class ExposedText {

    /** Shorter runs are noise: in random bytes a run of six printable characters is already rare. */
    static final int MIN_RUN = 6;

    private ExposedText() {
    }

    /** The readable runs of the file, one per line, cut at {@code maxChars}. */
    static ExtractedText of(Path file, int maxChars) {
        Runs utf8 = new Runs(maxChars);
        // UTF-16LE: a readable ASCII character followed by a zero byte, starting at an even or an odd offset
        Runs[] utf16 = {new Runs(maxChars), new Runs(maxChars)};
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            int previous = -1;
            int b;
            long position = 0;
            while ((b = in.read()) >= 0 && !utf8.full()) {
                utf8.add(b, in);
                if (position > 0) {
                    utf16[(int) (position % 2)].utf16(previous, b);
                }
                previous = b;
                position++;
            }
        } catch (IOException e) {
            return ExtractedText.EMPTY;
        }
        utf8.end();
        utf16[0].end();
        utf16[1].end();
        String text = utf8.text() + utf16[0].text() + utf16[1].text();
        boolean cut = utf8.full();
        return text.isEmpty() ? ExtractedText.EMPTY
                : new ExtractedText(text.length() > maxChars ? text.substring(0, maxChars) : text, List.of(), cut);
    }

    /** Collects runs of readable characters. */
    private static final class Runs {
        private final StringBuilder text = new StringBuilder();
        private final StringBuilder run = new StringBuilder();
        private final int maxChars;

        Runs(int maxChars) {
            this.maxChars = maxChars;
        }

        boolean full() {
            return text.length() >= maxChars;
        }

        void add(int b, InputStream in) throws IOException {
            if (readable(b)) {
                run.append((char) b);
            } else if (b >= 0xC2 && b <= 0xF4) {
                multiByte(b, in);
            } else {
                end();
            }
        }

        /** A UTF-8 sequence continues the run when it is well formed and a letter or mark (Welsh ŵ, é). */
        private void multiByte(int lead, InputStream in) throws IOException {
            int length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
            byte[] sequence = new byte[length];
            sequence[0] = (byte) lead;
            in.mark(length);
            int read = in.readNBytes(sequence, 1, length - 1);
            String decoded = read == length - 1 ? new String(sequence, java.nio.charset.StandardCharsets.UTF_8) : "";
            if (decoded.codePointCount(0, decoded.length()) == 1 && decoded.codePointAt(0) != 0xFFFD
                    && Character.isLetter(decoded.codePointAt(0))) {
                run.append(decoded);
            } else {
                in.reset();
                end();
            }
        }

        void utf16(int low, int high) {
            if (high == 0 && readable(low)) {
                run.append((char) low);
            } else {
                end();
            }
        }

        void end() {
            if (run.length() >= MIN_RUN && !full()) {
                text.append(run.toString().strip()).append('\n');
            }
            run.setLength(0);
        }

        String text() {
            return text.toString();
        }

        private static boolean readable(int b) {
            return (b >= 0x20 && b < 0x7F) || b == '\t';
        }
    }
}
