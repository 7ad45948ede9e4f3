package org.outward.inspect.ocr;

import java.util.Arrays;

/**
 * How far a photographed page is turned: the angle at which its ink lines up best in rows. Lines of text and
 * ruling lines, seen along their own direction, pile their ink into few rows; the angle whose row counts have
 * the largest sum of squares is the page's. Rows of a page photographed askew are read by Tesseract as pieces
 * of several lines; turned back, a row of a table reads as one line.
 */
final class PageSkew {

    /** The largest turn looked for, either way, in degrees: a phone held by hand over a sheet. */
    static final double MOST_DEGREES = 10;
    private static final double STEP_DEGREES = 0.2;
    /** Ink pixels sampled: about this many, spread over the page, are enough to find the angle. */
    private static final int SAMPLES = 200_000;

    private PageSkew() {
    }

    /** The page's turn in degrees, clockwise positive (y grows downward), from the ink map's non-zero pixels. */
    static double degrees(byte[] ink, int width, int height) {
        int inked = 0;
        for (byte b : ink) {
            if (b != 0) {
                inked++;
            }
        }
        // Columns are sampled, rows never: skipping rows would blur the very profile that is measured.
        int stride = Math.max(1, inked / SAMPLES);
        int[] xs = new int[inked / stride + 1];
        int[] ys = new int[xs.length];
        int n = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width && n < xs.length; x += stride) {
                if (ink[y * width + x] != 0) {
                    xs[n] = x;
                    ys[n] = y;
                    n++;
                }
            }
        }
        long[] rows = new long[2 * (width + height) + 1];
        int offset = width + height;
        return best(xs, ys, n, rows, offset);
    }

    /** The angle, in steps of {@value #STEP_DEGREES} degrees, at which the sampled ink piles up most. */
    private static double best(int[] xs, int[] ys, int n, long[] rows, int offset) {
        double best = 0;
        double bestScore = -1;
        int steps = (int) Math.round(MOST_DEGREES / STEP_DEGREES);
        for (int k = -steps; k <= steps; k++) {
            double degrees = k * STEP_DEGREES;
            double radians = Math.toRadians(degrees);
            double sin = Math.sin(radians);
            double cos = Math.cos(radians);
            Arrays.fill(rows, 0);
            for (int i = 0; i < n; i++) {
                rows[(int) Math.round(ys[i] * cos - xs[i] * sin) + offset]++;
            }
            double score = 0;
            for (long r : rows) {
                score += (double) r * r;
            }
            if (score > bestScore) {
                bestScore = score;
                best = degrees;
            }
        }
        return best;
    }
}
