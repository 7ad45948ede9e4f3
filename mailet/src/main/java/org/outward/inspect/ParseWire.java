package org.outward.inspect;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The few messages a parser process and the gateway exchange over the process's standard input and output:
 * length-prefixed UTF-8 strings and the extracted text with its tables. Nothing else crosses: the files are
 * shared through the inspection's temp folder.
 */
final class ParseWire {

    /** Child to gateway: started and ready for a request. */
    static final int READY = 'Y';
    /** Gateway to child: parse one file (its path, type, name, text limit and OCR settings follow). */
    static final int PARSE = 'P';
    /** Child to gateway: where may the next embedded file go? Answered with a slot or a refusal. */
    static final int SLOT = 'S';
    /** Child to gateway: an embedded file was spooled into the slot last given. */
    static final int KEPT = 'K';
    /**
     * Child to gateway: the parse ended; its text follows, then the screen's verdict on an image read with OCR,
     * then how the process's warm-up went, if it ended.
     */
    static final int DONE = 'D';

    /** A string longer than this on the wire means the stream is out of step: stop rather than allocate. */
    private static final int MAX_STRING_BYTES = 256 << 20;

    private ParseWire() {
    }

    static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_STRING_BYTES) {
            throw new IOException("parser process wire out of step");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static void writeText(DataOutputStream out, ExtractedText text) throws IOException {
        writeString(out, text.text());
        out.writeBoolean(text.truncated());
        out.writeInt(text.tables().size());
        for (ExtractedText.Table table : text.tables()) {
            writeString(out, table.name());
            out.writeInt(table.rows().size());
            for (List<String> row : table.rows()) {
                out.writeInt(row.size());
                for (String cell : row) {
                    writeString(out, cell);
                }
            }
        }
    }

    static ExtractedText readText(DataInputStream in) throws IOException {
        String text = readString(in);
        boolean truncated = in.readBoolean();
        int tableCount = in.readInt();
        List<ExtractedText.Table> tables = new ArrayList<>();
        for (int t = 0; t < tableCount; t++) {
            String name = readString(in);
            int rowCount = in.readInt();
            List<List<String>> rows = new ArrayList<>();
            for (int r = 0; r < rowCount; r++) {
                int cellCount = in.readInt();
                List<String> row = new ArrayList<>();
                for (int c = 0; c < cellCount; c++) {
                    row.add(readString(in));
                }
                rows.add(row);
            }
            tables.add(new ExtractedText.Table(name, rows));
        }
        return new ExtractedText(text, tables, truncated);
    }

    /** How a parse is to read images: part of each request, so a reloaded policy holds from its next part on. */
    static void writeOcr(DataOutputStream out, OcrSettings ocr) throws IOException {
        out.writeBoolean(ocr.enabled());
        writeString(out, ocr.languages());
        out.writeLong(ocr.maxPixels());
        out.writeLong(ocr.timePerImage().toMillis());
        writeString(out, ocr.heifDecoder());
        out.writeInt(ocr.minListRecords());
    }

    /** As written by {@link #writeOcr}. */
    static OcrSettings readOcr(DataInputStream in) throws IOException {
        try {
            return new OcrSettings(in.readBoolean(), readString(in), in.readLong(),
                    java.time.Duration.ofMillis(in.readLong()), readString(in), in.readInt());
        } catch (IllegalArgumentException e) {
            throw new IOException("parser process wire out of step", e);
        }
    }

    /** The screen's verdict on an image read with OCR, or that there is none (not such an image). */
    static void writeScreen(DataOutputStream out, ImageScreen.Screen screen) throws IOException {
        out.writeBoolean(screen != null);
        if (screen != null) {
            out.writeByte(screen.verdict().ordinal());
            writeString(out, screen.why());
        }
    }

    /** As written by {@link #writeScreen}; null when there is none. */
    static ImageScreen.Screen readScreen(DataInputStream in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        int verdict = in.readByte();
        if (verdict < 0 || verdict >= ImageScreen.Verdict.values().length) {
            throw new IOException("parser process wire out of step");
        }
        return new ImageScreen.Screen(ImageScreen.Verdict.values()[verdict], readString(in));
    }

    /** A warm-up's report, or that there is none (none asked, or still running). */
    static void writeWarmUp(DataOutputStream out, WarmUp.Report report) throws IOException {
        out.writeBoolean(report != null);
        if (report != null) {
            out.writeInt(report.samples());
            out.writeLong(report.millis());
            out.writeInt(report.failed().size());
            for (String failed : report.failed()) {
                writeString(out, failed);
            }
        }
    }

    /** As written by {@link #writeWarmUp}; null when there is none. */
    static WarmUp.Report readWarmUp(DataInputStream in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        int samples = in.readInt();
        long millis = in.readLong();
        int count = in.readInt();
        if (count < 0 || count > samples) {
            throw new IOException("parser process wire out of step");
        }
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            failed.add(readString(in));
        }
        return new WarmUp.Report(samples, failed, millis);
    }
}
