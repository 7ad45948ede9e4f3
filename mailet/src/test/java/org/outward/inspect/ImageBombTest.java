package org.outward.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outward.detect.personal.PhotographedListsTest;
import org.outward.engine.Engine;
import org.outward.engine.Envelope;
import org.outward.engine.Judgement;
import org.outward.policy.Action;
import org.outward.policy.Policy;

/**
 * Hostile images sent to be read by OCR, under the shipped policy: small files that declare or expand to far
 * more pixels than they hold, and a TIFF whose directory lies. Each message is judged (held as not fully
 * inspected, or judged without OCR), never dropped or passed unjudged, and the gateway's JVM decodes no pixel
 * data: what it allocates while judging one stays far below what decoding the image would take. The images are
 * written here byte by byte, so that none of their pixels ever exist in this JVM.
 */
class ImageBombTest {

    private static final Envelope ENVELOPE = new Envelope("volunteer@party.example", List.of("printer@elsewhere.example"));

    /** Far below the smallest buffer any of the images below decodes into. */
    private static final long GATEWAY_ALLOCATION_BOUND = 96L << 20;

    @TempDir
    Path state;

    private Engine engine;
    private Policy policy;

    @BeforeEach
    void engine() throws Exception {
        PhotographedListsTest.assertTesseractInstalled();
        engine = new Engine(state, Clock.systemUTC(), new ParserIsolation(1, 256));
        policy = ShippedPolicy.withTimePerPart("60s");
        // Everything a first message loads (detectors, name lists, a parser process) is loaded before measuring.
        judge("warm.png", png(1200, 1200, 8, -1));
    }

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void aSmallPngDeclaringFiftyThousandPixelsSquareIsHeldUndecoded() throws Exception {
        byte[] bomb = png(50_000, 50_000, 8, 2_000);
        Measured judged = judge("IMG_4000.png", bomb);
        assertThat(judged.judgement().decision().verdict()).isEqualTo(Action.QUARANTINE);
        assertThat(judged.judgement().inspection().findings(FindingKind.PART_SIZE_LIMIT)).isNotEmpty();
        assertThat(judged.allocated()).as("bytes the gateway allocated").isLessThan(GATEWAY_ALLOCATION_BOUND);
    }

    /** 36 million pixels of 16-bit RGBA (288 MB) in one deflated strip of about 300 KB: within the pixel limit. */
    @Test
    void aTiffThatExpandsTenThousandFoldCostsTheGatewayNothing() throws Exception {
        Measured judged = judge("scan.tiff", tiff(6000, 6000, 4, 16, false));
        assertJudged(judged);
        assertThat(judged.allocated()).as("bytes the gateway allocated").isLessThan(GATEWAY_ALLOCATION_BOUND);
    }

    /** The same strip, with a directory that claims a billion strips. */
    @Test
    void aTiffWithALyingDirectoryIsJudged() throws Exception {
        Measured judged = judge("scan.tif", tiff(6000, 6000, 4, 16, true));
        assertJudged(judged);
        assertThat(judged.allocated()).as("bytes the gateway allocated").isLessThan(GATEWAY_ALLOCATION_BOUND);
    }

    /** A PNG that inflates to 36 million pixels of 16-bit RGBA: within the pixel limit, so screened. */
    @Test
    void aPngThatExpandsTenThousandFoldCostsTheGatewayNothing() throws Exception {
        Measured judged = judge("IMG_4001.png", png(6000, 6000, 16, -1));
        assertJudged(judged);
        assertThat(judged.allocated()).as("bytes the gateway allocated").isLessThan(GATEWAY_ALLOCATION_BOUND);
    }

    /** Held when something could not be read, else judged as an image without text; never an unjudged pass. */
    private static void assertJudged(Measured judged) {
        Judgement j = judged.judgement();
        assertThat(j.decision().verdict()).isNotNull();
        boolean unread = !j.inspection().findings(FindingKind.UNREADABLE).isEmpty()
                || !j.inspection().findings(FindingKind.TIME_LIMIT).isEmpty()
                || !j.inspection().findings(FindingKind.PART_SIZE_LIMIT).isEmpty();
        assertThat(j.decision().verdict()).isEqualTo(unread ? Action.QUARANTINE : Action.PASS);
    }

    private record Measured(Judgement judgement, long allocated) {
    }

    private Measured judge(String name, byte[] image) {
        String type = name.endsWith(".png") ? "image/png" : "image/tiff";
        String raw = Mail.message("b", Mail.text("The scan is attached."),
                Mail.attachment(type + "; name=\"" + name + "\"", "; filename=\"" + name + "\"", image));
        byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getTotalThreadAllocatedBytes();
        Judgement judgement = engine.judge(bytes, ENVELOPE, policy);
        return new Measured(judgement, threads.getTotalThreadAllocatedBytes() - before);
    }

    /**
     * A PNG of {@code width} x {@code height} grey (8 bit) or RGBA (16 bit) pixels, all zero; with
     * {@code rows} of 0 or more, only that many rows of data follow (a header that lies), else all of them.
     */
    private static byte[] png(int width, int height, int bits, int rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) bits)
                .put((byte) (bits == 8 ? 0 : 6)).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", header.array());
        int rowBytes = 1 + width * (bits == 8 ? 1 : 8);
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(idat, new Deflater(9))) {
            byte[] row = new byte[rowBytes];
            for (int r = 0; r < (rows < 0 ? height : rows); r++) {
                z.write(row);
            }
        }
        chunk(out, "IDAT", idat.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        out.write(ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.write(name);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /**
     * A little-endian TIFF of one deflated strip of zeros; with {@code lying}, its strip offsets and counts
     * claim a billion strips, pointing past the end of the file.
     */
    private static byte[] tiff(int width, int height, int samples, int bits, boolean lying) throws IOException {
        ByteArrayOutputStream strip = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(strip, new Deflater(9))) {
            byte[] row = new byte[width * samples * bits / 8];
            for (int r = 0; r < height; r++) {
                z.write(row);
            }
        }
        byte[] data = strip.toByteArray();
        int entries = 11;
        int ifd = 8;
        int extra = ifd + 2 + entries * 12 + 4;
        ByteBuffer b = ByteBuffer.allocate(extra + 2 * samples + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(ifd);
        b.putShort((short) entries);
        int dataAt = extra + 2 * samples;
        int strips = lying ? 1_000_000_000 : 1;
        entry(b, 256, 4, 1, width);
        entry(b, 257, 4, 1, height);
        entry(b, 258, 3, samples, extra);
        entry(b, 259, 3, 1, 8);
        entry(b, 262, 3, 1, 2);
        entry(b, 273, 4, strips, dataAt);
        entry(b, 277, 3, 1, samples);
        entry(b, 278, 4, 1, height);
        entry(b, 279, 4, strips, data.length);
        entry(b, 284, 3, 1, 1);
        entry(b, 338, 3, 1, 2);
        b.putInt(0);
        for (int s = 0; s < samples; s++) {
            b.putShort((short) bits);
        }
        b.put(data);
        return b.array();
    }

    private static void entry(ByteBuffer b, int tag, int type, int count, int value) {
        b.putShort((short) tag).putShort((short) type).putInt(count);
        if (type == 3 && count == 1) {
            b.putShort((short) value).putShort((short) 0);
        } else {
            b.putInt(value);
        }
    }
}
