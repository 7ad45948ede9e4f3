package org.outward.inspect;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How many images this JVM has sent to OCR, and how many the pre-check ({@link ImageScreen}) spared it because
 * they could not hold a list. OCR is the dearest read there is, so an admin (and a test) can see that a logo in
 * a signature costs none. James publishes them as gauges ({@code outward_ocr_images_read},
 * {@code outward_ocr_images_skipped}).
 */
public final class OcrCounts {

    private static final AtomicLong READ = new AtomicLong();
    private static final AtomicLong SKIPPED = new AtomicLong();

    private OcrCounts() {
    }

    /** Images handed to OCR since the JVM started. */
    public static long read() {
        return READ.get();
    }

    /** Images the pre-check kept from OCR since the JVM started. */
    public static long skipped() {
        return SKIPPED.get();
    }

    static void countRead() {
        READ.incrementAndGet();
    }

    static void countSkipped() {
        SKIPPED.incrementAndGet();
    }
}
