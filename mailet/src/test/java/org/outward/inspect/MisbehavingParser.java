package org.outward.inspect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.xml.sax.ContentHandler;

/**
 * A Tika parser that misbehaves for real, registered on the test class path only, for two test types that its
 * {@link Types} detector recognises by their first bytes: one loops for ever without looking at interrupts or
 * writing a character, the other keeps allocating until the heap is gone.
 */
public class MisbehavingParser implements Parser {

    static final MediaType HANG = MediaType.application("x-outward-test-hang");
    static final MediaType HOARD = MediaType.application("x-outward-test-hoard");

    /** Keeps what it allocated reachable, so the collector cannot save the process. */
    private static final List<byte[]> HOARD_KEPT = new ArrayList<>();

    /** Recognises the test types by their first bytes. */
    public static class Types implements Detector {
        @Override
        public MediaType detect(InputStream input, Metadata metadata) throws IOException {
            if (input == null) {
                return MediaType.OCTET_STREAM;
            }
            input.mark(32);
            try {
                String head = new String(input.readNBytes(18), StandardCharsets.US_ASCII);
                return head.startsWith("OUTWARD-TEST-HANG") ? HANG
                        : head.startsWith("OUTWARD-TEST-HOARD") ? HOARD : MediaType.OCTET_STREAM;
            } finally {
                input.reset();
            }
        }
    }

    @Override
    public Set<MediaType> getSupportedTypes(ParseContext context) {
        return Set.of(HANG, HOARD);
    }

    @Override
    public void parse(InputStream stream, ContentHandler handler, Metadata metadata, ParseContext context) {
        if (String.valueOf(metadata.get(Metadata.CONTENT_TYPE)).startsWith(HOARD.toString())) {
            while (true) {
                HOARD_KEPT.add(new byte[8 << 20]);
            }
        }
        long spins = 0;
        while (spins >= 0) {
            spins++;
            Thread.onSpinWait();
        }
    }
}
