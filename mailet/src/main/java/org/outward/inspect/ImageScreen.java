package org.outward.inspect;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;

import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.outward.inspect.ocr.ImageDecoders;

/**
 * The cheap test an image passes before OCR: whether it could hold a list at all. A list of people needs room
 * (an image of less than {@value #MIN_SIDE} pixels on its short side cannot hold twenty legible lines), more
 * than one colour, and the many short strokes of lettering; logos, signature banners, emoji and blank scans fail
 * one of these; flyers, posters and photos of scenes, which have lettering but not rows of it in a column, fail
 * the layout test ({@link ListLayout}). It reads the size from the image's header, then at most a
 * {@value #SAMPLE_SIDE}-pixel subsample, so it costs a few milliseconds where OCR costs seconds.
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
    /** Below this luminance spread (0-255) an image is one colour, give or take JPEG noise. */
    private static final double MIN_SPREAD = 8;
    /** Lettering gives many sharp steps between neighbours; a logo's few smooth shapes give almost none. */
    private static final double MIN_EDGE_SHARE = 0.015;
    private static final int EDGE_STEP = 32;
    /**
     * A list worth reading has at least this many rows in one column ({@link ListLayout}): the policy's smallest
     * list is five people, and a blurred photo may lose one row's lettering to the sample.
     */
    static final int MIN_LIST_LINES = 4;

    private final long maxPixels;

    ImageScreen(long maxPixels) {
        this.maxPixels = maxPixels;
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
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, Math.max(width, height) / SAMPLE_SIDE);
                param.setSourceSubsampling(step, step, 0, 0);
                return judge(reader.read(0, param));
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

    private static Screen judge(BufferedImage sample) {
        int w = sample.getWidth();
        int h = sample.getHeight();
        int[] luma = new int[w * h];
        double sum = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = sample.getRGB(x, y);
                int l = (299 * ((rgb >> 16) & 0xff) + 587 * ((rgb >> 8) & 0xff) + 114 * (rgb & 0xff)) / 1000;
                luma[y * w + x] = l;
                sum += l;
            }
        }
        double mean = sum / luma.length;
        double squares = 0;
        long edges = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int l = luma[y * w + x];
                squares += (l - mean) * (l - mean);
                if (x + 1 < w && Math.abs(l - luma[y * w + x + 1]) > EDGE_STEP) {
                    edges++;
                }
            }
        }
        double spread = Math.sqrt(squares / luma.length);
        if (spread < MIN_SPREAD) {
            return new Screen(Verdict.SKIP, String.format("one colour (spread %.1f)", spread));
        }
        double edgeShare = (double) edges / luma.length;
        if (edgeShare < MIN_EDGE_SHARE) {
            return new Screen(Verdict.SKIP, String.format("too few edges for lettering (%.2f%%)", 100 * edgeShare));
        }
        ListLayout layout = ListLayout.of(luma, w, h);
        if (layout.lines() < MIN_LIST_LINES) {
            return new Screen(Verdict.SKIP, "no column of evenly spaced lines (at most " + layout.lines() + ")");
        }
        return new Screen(Verdict.READ, String.format("edges %.2f%%, %d even lines", 100 * edgeShare,
                layout.lines()));
    }
}
