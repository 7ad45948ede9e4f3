package org.outward.inspect;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Whether and how images and image-only PDF pages are read with OCR (Tesseract through Tika), in the parser
 * processes under the part's own time and memory limits. Images larger than {@code maxPixels} are not read (a
 * {@link FindingKind#PART_SIZE_LIMIT} finding, which the not-fully-inspected rule judges), and one image or PDF
 * page may take at most {@code timePerImage} of the part's time.
 *
 * @param enabled      whether OCR runs at all
 * @param languages    Tesseract's language codes joined with {@code +}, e.g. {@code eng+cym}
 * @param maxPixels    the most pixels (width times height) an image may have to be read
 * @param timePerImage how long Tesseract may take over one image or PDF page
 * @param heifDecoder  the program that turns a HEIC or HEIF photo into a PNG for OCR ({@code heif-convert}, from
 *                     Debian's libheif-examples), empty where this machine has none: such photos are then not
 *                     fully inspected
 * @param minListRecords the fewest people the policy counts as a list (its smallest personal-data
 *                     {@code min-records}): the image screen passes to OCR only images with at least this many
 *                     evenly spaced lines, one a person
 */
public record OcrSettings(boolean enabled, String languages, long maxPixels, Duration timePerImage,
                          String heifDecoder, int minListRecords) {

    /** The smallest list a policy reports unless it says otherwise ({@code detection.personal-data.min-records}). */
    public static final int DEFAULT_MIN_LIST_RECORDS = 5;

    /** The program Debian's libheif-examples installs to decode HEIC and HEIF photos. */
    public static final String HEIF_CONVERT = "heif-convert";

    /** Tesseract language data names: {@code eng}, {@code cym}, {@code chi_sim}, joined by {@code +}. */
    private static final Pattern LANGUAGES = Pattern.compile("[a-z]{3}(_[a-z]+)?(\\+[a-z]{3}(_[a-z]+)?)*");

    /** Resolution PDF pages are rendered at for OCR: enough for print of 10 points and up, at a bounded cost. */
    static final int PDF_DPI = 200;

    public OcrSettings {
        Objects.requireNonNull(languages, "languages");
        Objects.requireNonNull(timePerImage, "timePerImage");
        Objects.requireNonNull(heifDecoder, "heifDecoder");
        if (!LANGUAGES.matcher(languages).matches()) {
            throw new IllegalArgumentException("languages must be Tesseract codes joined by '+', such as eng+cym");
        }
        if (maxPixels < 1) {
            throw new IllegalArgumentException("maxPixels must be positive");
        }
        if (timePerImage.toSeconds() < 1) {
            throw new IllegalArgumentException("timePerImage must be at least a second");
        }
        if (minListRecords < 1) {
            throw new IllegalArgumentException("minListRecords must be positive");
        }
    }

    /** These settings, screening images for lists of {@value #DEFAULT_MIN_LIST_RECORDS} people or more. */
    public OcrSettings(boolean enabled, String languages, long maxPixels, Duration timePerImage,
                       String heifDecoder) {
        this(enabled, languages, maxPixels, timePerImage, heifDecoder, DEFAULT_MIN_LIST_RECORDS);
    }

    /** These settings, decoding HEIC and HEIF photos with {@value #HEIF_CONVERT} from the PATH. */
    public OcrSettings(boolean enabled, String languages, long maxPixels, Duration timePerImage) {
        this(enabled, languages, maxPixels, timePerImage, HEIF_CONVERT);
    }

    /** No OCR: images are judged without their text. */
    public static OcrSettings off() {
        return new OcrSettings(false, "eng", 40_000_000, Duration.ofSeconds(20));
    }

    /** OCR in English, images of up to 40 million pixels, 20 seconds an image. */
    public static OcrSettings english() {
        return new OcrSettings(true, "eng", 40_000_000, Duration.ofSeconds(20));
    }

    public OcrSettings withEnabled(boolean value) {
        return new OcrSettings(value, languages, maxPixels, timePerImage, heifDecoder, minListRecords);
    }

    public OcrSettings withLanguages(String value) {
        return new OcrSettings(enabled, value, maxPixels, timePerImage, heifDecoder, minListRecords);
    }

    /** @param value the HEIF decoder's program, or empty for none */
    public OcrSettings withHeifDecoder(String value) {
        return new OcrSettings(enabled, languages, maxPixels, timePerImage, value, minListRecords);
    }

    public OcrSettings withMinListRecords(int value) {
        return new OcrSettings(enabled, languages, maxPixels, timePerImage, heifDecoder, value);
    }
}
