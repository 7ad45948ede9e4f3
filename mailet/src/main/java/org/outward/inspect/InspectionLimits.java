package org.outward.inspect;

import java.time.Duration;
import java.util.Objects;

/**
 * The bounds one inspection works within, so that a hostile or broken message costs a known amount of time,
 * memory and disk. Whatever passes a bound becomes an {@link InspectionFinding}, never a silent skip.
 *
 * @param maxDepth              how many containers may be nested: multiparts, attached mail, archives and
 *                              embedded files all count as one level each
 * @param maxArchiveEntries     how many archive and embedded entries one inspection opens, across all archives
 * @param maxTotalExpandedBytes how many bytes all archive and embedded entries of one inspection may expand to
 * @param maxCompressionRatio   the largest expanded-to-compressed ratio an entry may have once it is past
 *                              {@link #RATIO_GRACE_BYTES}, where small very compressible files would otherwise trip it
 * @param maxPartBytes          the largest decoded part or entry that is spooled and judged
 * @param maxTextCharsPerPart   how many characters of text are kept from one part
 * @param timePerPart           how long type detection, protection judging, parsing or expanding of one part may take
 * @param ocr                   whether and how images and image-only PDF pages are read with OCR
 */
public record InspectionLimits(int maxDepth, int maxArchiveEntries, long maxTotalExpandedBytes,
                               int maxCompressionRatio, long maxPartBytes, int maxTextCharsPerPart,
                               Duration timePerPart, OcrSettings ocr) {

    /** Below this many expanded bytes an entry is never judged by its compression ratio. */
    public static final long RATIO_GRACE_BYTES = 1L << 20;

    public InspectionLimits {
        Objects.requireNonNull(timePerPart, "timePerPart");
        Objects.requireNonNull(ocr, "ocr");
        requirePositive(maxDepth, "maxDepth");
        requirePositive(maxArchiveEntries, "maxArchiveEntries");
        requirePositive(maxTotalExpandedBytes, "maxTotalExpandedBytes");
        requirePositive(maxCompressionRatio, "maxCompressionRatio");
        requirePositive(maxPartBytes, "maxPartBytes");
        requirePositive(maxTextCharsPerPart, "maxTextCharsPerPart");
        if (timePerPart.isNegative() || timePerPart.isZero()) {
            throw new IllegalArgumentException("timePerPart must be positive");
        }
        if (maxDepth > 100) {
            // Recursion over containers uses the Java stack; beyond this it is a configuration mistake.
            throw new IllegalArgumentException("maxDepth must be at most 100");
        }
    }

    /** Bounds without OCR. */
    public InspectionLimits(int maxDepth, int maxArchiveEntries, long maxTotalExpandedBytes, int maxCompressionRatio,
                            long maxPartBytes, int maxTextCharsPerPart, Duration timePerPart) {
        this(maxDepth, maxArchiveEntries, maxTotalExpandedBytes, maxCompressionRatio, maxPartBytes,
                maxTextCharsPerPart, timePerPart, OcrSettings.off());
    }

    /**
     * Defaults that fit the mail a party sends: 10 levels, 1,000 entries, 256 MiB expanded, ratio 100,
     * 64 MiB per part, 2 million characters per part, 30 seconds per part; no OCR.
     */
    public static InspectionLimits defaults() {
        return new InspectionLimits(10, 1_000, 256L << 20, 100, 64L << 20, 2_000_000, Duration.ofSeconds(30));
    }

    public InspectionLimits withMaxDepth(int value) {
        return new InspectionLimits(value, maxArchiveEntries, maxTotalExpandedBytes, maxCompressionRatio,
                maxPartBytes, maxTextCharsPerPart, timePerPart, ocr);
    }

    public InspectionLimits withMaxArchiveEntries(int value) {
        return new InspectionLimits(maxDepth, value, maxTotalExpandedBytes, maxCompressionRatio,
                maxPartBytes, maxTextCharsPerPart, timePerPart, ocr);
    }

    public InspectionLimits withMaxTotalExpandedBytes(long value) {
        return new InspectionLimits(maxDepth, maxArchiveEntries, value, maxCompressionRatio,
                maxPartBytes, maxTextCharsPerPart, timePerPart, ocr);
    }

    public InspectionLimits withMaxCompressionRatio(int value) {
        return new InspectionLimits(maxDepth, maxArchiveEntries, maxTotalExpandedBytes, value,
                maxPartBytes, maxTextCharsPerPart, timePerPart, ocr);
    }

    public InspectionLimits withMaxPartBytes(long value) {
        return new InspectionLimits(maxDepth, maxArchiveEntries, maxTotalExpandedBytes, maxCompressionRatio,
                value, maxTextCharsPerPart, timePerPart, ocr);
    }

    public InspectionLimits withMaxTextCharsPerPart(int value) {
        return new InspectionLimits(maxDepth, maxArchiveEntries, maxTotalExpandedBytes, maxCompressionRatio,
                maxPartBytes, value, timePerPart, ocr);
    }

    public InspectionLimits withTimePerPart(Duration value) {
        return new InspectionLimits(maxDepth, maxArchiveEntries, maxTotalExpandedBytes, maxCompressionRatio,
                maxPartBytes, maxTextCharsPerPart, value, ocr);
    }

    public InspectionLimits withOcr(OcrSettings value) {
        return new InspectionLimits(maxDepth, maxArchiveEntries, maxTotalExpandedBytes, maxCompressionRatio,
                maxPartBytes, maxTextCharsPerPart, timePerPart, value);
    }

    private static void requirePositive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
