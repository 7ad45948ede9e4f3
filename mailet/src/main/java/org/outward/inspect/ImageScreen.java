package org.outward.inspect;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;

import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.outward.inspect.ocr.ImageDecoders;

/**
 * The cheap test an image passes before OCR: whether it could hold a list at all. A list of people needs room
 * (an image of less than {@value #MIN_SIDE} pixels on its short side cannot hold twenty legible lines), more
 * than one colour, and the many short strokes of lettering; logos, signature banners, emoji and blank scans fail
 * one of these; flyers, posters and photos of scenes and things, which have lettering or texture but not rows of
 * lettering in a column, fail the layout test ({@link ListLayout}). It reads the size from the image's header,
 * then judges a sample of at most {@value #SAMPLE_SIDE} pixels a side, averaged rather than picked so that thin
 * strokes survive ({@link Sample}); only when that finds no list does it take a second, finer look at
 * {@value #SECOND_SIDE} pixels, where the small lettering of a list that fills little of the frame (a sheet on a
 * pinboard) still shows. Where a look finds no lines of lettering upright at all, it tries the image turned a
 * quarter, for a page photographed sideways. It costs tens of milliseconds, mostly decoding, where OCR costs seconds.
 *
 * <p>The screen is a security boundary as well as a saving: a list it skips leaves unread. How many lines make a
 * list is the policy's smallest list ({@link OcrSettings#minListRecords}): a list of that many people prints
 * that many rows.
 *
 * <p>It decodes pixels, so it runs where OCR runs, in a parser process, whose heap and time limits a hostile
 * image (a small file that expands to hundreds of megabytes) meets instead of the gateway's. The gateway itself
 * only reads the declared size ({@link ImageHeader}) and applies {@link #bySize} to it, so that a signature logo
 * never reaches a parser process.
 */
final class ImageScreen {

    /**
     * What the screen decided: read it; skip it (it cannot hold a list); too large to read; no decoder knows it
     * (for an icon or a metafile, judged as without OCR, as before OCR); or it is of a kind that is read but this
     * one could not be (a photo format, {@link PhotoFormats}, that no decoder here reads, such as a HEIC photo
     * without a HEIF decoder: not fully inspected).
     */
    enum Verdict { READ, SKIP, TOO_LARGE, NO_DECODER, UNREADABLE }

    /** The verdict and why; {@code why} names measures, never content. */
    record Screen(Verdict verdict, String why) {
    }

    static final int MIN_SIDE = 200;
    private static final int SAMPLE_SIDE = 400;
    private static final int SECOND_SIDE = 600;
    /** Below this luminance range (0-255, the brightest and darkest thousandth left out) an image is one colour. */
    private static final int MIN_SPREAD = 24;
    /** Lettering gives many sharp steps between neighbours; a logo's few smooth shapes give almost none. */
    private static final double MIN_EDGE_SHARE = 0.002;

    private final long maxPixels;
    private final int minListLines;

    /** A screen for images of up to {@code maxPixels}, for lists of {@code minListLines} people or more. */
    ImageScreen(long maxPixels, int minListLines) {
        this.maxPixels = maxPixels;
        this.minListLines = minListLines;
    }

    /** A screen for the default policy's smallest list. */
    ImageScreen(long maxPixels) {
        this(maxPixels, OcrSettings.DEFAULT_MIN_LIST_RECORDS);
    }

    Screen check(Path file) throws IOException {
        ImageDecoders.ensureRegistered();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return new Screen(Verdict.NO_DECODER, "no decoder for this image");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                Optional<Screen> bySize = bySize(width, height, maxPixels);
                if (bySize.isPresent()) {
                    return bySize.get();
                }
                BufferedImage decoded = Sample.decode(reader, width, height, SECOND_SIDE);
                Screen first = judge(Sample.of(decoded, SAMPLE_SIDE));
                if (first.verdict() == Verdict.READ) {
                    return first;
                }
                Screen second = judge(Sample.of(decoded, SECOND_SIDE));
                return second.verdict() == Verdict.READ ? second : first;
            } finally {
                reader.dispose();
            }
        } catch (RuntimeException | IIOException e) {
            // A decoder that trips over a damaged image: OCR's decoder would too.
            return new Screen(Verdict.NO_DECODER, "image could not be decoded: " + e.getClass().getSimpleName());
        }
    }

    /** The verdict an image's declared size alone gives: too small to hold a list, or too large to read. */
    static Optional<Screen> bySize(int width, int height, long maxPixels) {
        if (Math.min(width, height) < MIN_SIDE) {
            return Optional.of(new Screen(Verdict.SKIP, "too small to hold a list (" + width + "x" + height + ")"));
        }
        if ((long) width * height > maxPixels) {
            return Optional.of(new Screen(Verdict.TOO_LARGE, width + "x" + height + " pixels, OCR limit " + maxPixels));
        }
        return Optional.empty();
    }

    private Screen judge(Sample sample) {
        int w = sample.width();
        int h = sample.height();
        int[] luma = sample.luma();
        int[] histogram = new int[256];
        long edges = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int l = luma[y * w + x];
                histogram[l]++;
                if (x + 1 < w && ListLayout.isEdge(l, luma[y * w + x + 1])) {
                    edges++;
                }
            }
        }
        int spread = percentile(histogram, luma.length, 0.999) - percentile(histogram, luma.length, 0.001);
        if (spread < MIN_SPREAD) {
            return new Screen(Verdict.SKIP, "one colour (spread " + spread + ")");
        }
        double edgeShare = (double) edges / luma.length;
        if (edgeShare < MIN_EDGE_SHARE) {
            return new Screen(Verdict.SKIP, String.format("too few edges for lettering (%.2f%%)", 100 * edgeShare));
        }
        ListLayout layout = ListLayout.of(sample);
        // Turned only where no two lines of lettering run across the image upright: turned, a flyer's big
        // lettering gives even runs of strokes, while a page photographed sideways has no upright lines at all.
        ListLayout across = layout.lines() >= 2 ? new ListLayout(0, 0, 0) : ListLayout.of(sample.turned());
        if (across.lines() > layout.lines()) {
            layout = across;
        }
        if (layout.lines() < minListLines) {
            return new Screen(Verdict.SKIP, "no column of evenly spaced lines (at most " + layout.lines() + ")");
        }
        return new Screen(Verdict.READ, String.format("edges %.2f%%, %d even lines %d apart across %d strips%s",
                100 * edgeShare, layout.lines(), layout.pitch(), layout.span(), layout == across ? ", turned" : ""));
    }

    /** The luminance below which {@code share} of the pixels lie. */
    private static int percentile(int[] histogram, int total, double share) {
        long below = 0;
        for (int l = 0; l < histogram.length; l++) {
            below += histogram[l];
            if (below >= share * total) {
                return l;
            }
        }
        return histogram.length - 1;
    }
}
