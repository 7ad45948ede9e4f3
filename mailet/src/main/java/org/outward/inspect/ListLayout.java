package org.outward.inspect;

import java.util.Arrays;

/**
 * How much an image looks like a list: the longest run of evenly spaced lines of small lettering found in a
 * narrow vertical strip of the image that the strips beside it carry on. A list of people prints one person a
 * row, so a column of it shows as many short lines at one pitch, one under the other, and since each row runs on
 * across the page (name, address, phone), the same lines show in the strips beside it. An event flyer has a few
 * lines of mixed sizes; a photo of a street, of grass, gravel or brick, may give an even run in one strip by
 * chance, but the next strip does not repeat it.
 *
 * <p>A row of the strip is lettering when it has many stroke edges compared with the strip's busiest row, so
 * that faint pencil and light-on-dark text count as well as black print, and the blank space between lines
 * counts as blank even on a textured background. Strips rather than whole rows, because a photo taken askew slants
 * the lines: across a narrow strip a slanted line still reads as one band of rows, and from strip to strip the
 * band is followed as it drifts. The measure errs towards reading: prose, a receipt or a web page makes an even
 * run too, and such an image costs OCR, but a list is not passed over. It works on the screen's small sample
 * ({@link Sample}), in milliseconds.
 *
 * @param lines  the most evenly spaced lines of small lettering found in one strip and carried on beside it
 * @param pitch  their spacing in sample pixels (0 if there are fewer than two)
 * @param span   how many strips, side by side, carry them
 */
record ListLayout(int lines, int pitch, int span) {

    /** Strip width in sample pixels: narrow enough that a line tilted several degrees stays within one band. */
    private static final int STRIP = 24;
    /** A step in luminance this large between neighbours is the edge of a stroke, faint pencil included. */
    private static final int EDGE_STEP = 18;
    /** A row of a strip with fewer stroke edges than this is blank, whatever the strip's busiest row has. */
    private static final int MIN_EDGES_PER_ROW = 3;
    /** A row with this share of the busiest row's edges is lettering; fewer, it is the space between lines. */
    private static final double SHARE_OF_BUSIEST_ROW = 0.3;
    /** Small lettering on the sample: a headline or a window is taller, a speck shorter. */
    private static final int MIN_LINE_HEIGHT = 2;
    private static final int MAX_LINE_HEIGHT = 20;
    /** Two gaps are the same pitch within this share; a photo's perspective stretches the pitch a little. */
    private static final double PITCH_TOLERANCE = 0.25;
    /** A strip carries a run on when it has a line close to this share of the run's lines. */
    private static final double CARRIED = 0.75;
    /**
     * Strips side by side (each overlapping the last by half) that must carry a run: a list's rows run on over a
     * third of a sheet's width or more, a chance run in a photo's texture over less.
     */
    private static final int MIN_SPAN = 4;

    /** Whether two neighbouring luminances differ by a stroke's edge. */
    static boolean isEdge(int a, int b) {
        return Math.abs(a - b) > EDGE_STEP;
    }

    /** The measure on a sample. */
    static ListLayout of(Sample sample) {
        int width = sample.width();
        int step = STRIP / 2;
        int strips = Math.max(1, (width - 1 + step - 1) / step);
        int[][] centres = new int[strips][];
        for (int s = 0; s < strips; s++) {
            int left = s * step;
            centres[s] = lineCentres(sample, left, Math.min(width - 1, left + STRIP));
        }
        ListLayout best = new ListLayout(0, 0, 0);
        for (int s = 0; s < strips; s++) {
            int[] run = evenRun(centres[s]);
            if (run.length < 2) {
                continue;
            }
            int pitch = run[1] - run[0];
            int span = 1 + carried(centres, s, run, pitch, 1) + carried(centres, s, run, pitch, -1);
            if (span >= MIN_SPAN && run.length > best.lines()) {
                best = new ListLayout(run.length, pitch, span);
            }
        }
        return best;
    }

    /**
     * How many strips after strip {@code s} in direction {@code dir}, one after another, carry its run on, each
     * line followed as it drifts from strip to strip (a slanted photo).
     */
    private static int carried(int[][] centres, int s, int[] run, int pitch, int dir) {
        int tolerance = Math.max(1, pitch / 4);
        int[] followed = run.clone();
        int strips = 0;
        for (int t = s + dir; t >= 0 && t < centres.length; t += dir) {
            int matched = 0;
            for (int i = 0; i < followed.length; i++) {
                int near = nearest(centres[t], followed[i]);
                if (near >= 0 && Math.abs(near - followed[i]) <= tolerance) {
                    followed[i] = near;
                    matched++;
                }
            }
            if (matched < CARRIED * run.length) {
                break;
            }
            strips++;
        }
        return strips;
    }

    private static int nearest(int[] centres, int value) {
        int best = -1;
        for (int c : centres) {
            if (c >= 0 && (best < 0 || Math.abs(c - value) < Math.abs(best - value))) {
                best = c;
            }
        }
        return best;
    }

    /** The centre row of each line of small lettering in the strip, top to bottom; -1 for a taller shape. */
    private static int[] lineCentres(Sample sample, int left, int right) {
        int height = sample.height();
        int[] counts = new int[height];
        int busiest = 0;
        for (int y = 0; y < height; y++) {
            counts[y] = edges(sample, y, left, right);
            busiest = Math.max(busiest, counts[y]);
        }
        int lettering = Math.max(MIN_EDGES_PER_ROW, (int) Math.ceil(SHARE_OF_BUSIEST_ROW * busiest));
        int[] centres = new int[height];
        int lines = 0;
        int start = -1;
        int blank = 0;
        for (int y = 0; y <= height; y++) {
            boolean inked = y < height && counts[y] >= lettering;
            if (inked) {
                if (start < 0) {
                    start = y;
                }
                blank = 0;
            } else if (start >= 0 && (++blank > 1 || y == height)) {
                // A line ends after two blank rows: one blank row inside a line is a thin stroke's gap.
                int end = y - blank;
                int tall = end - start + 1;
                if (tall >= MIN_LINE_HEIGHT && tall <= MAX_LINE_HEIGHT) {
                    centres[lines++] = (start + end) / 2;
                } else if (lines > 0) {
                    centres[lines++] = -1;
                }
                start = -1;
            }
        }
        return Arrays.copyOf(centres, lines);
    }

    private static int edges(Sample sample, int y, int left, int right) {
        int[] luma = sample.luma();
        int row = y * sample.width();
        int count = 0;
        for (int x = left; x < right; x++) {
            if (isEdge(luma[row + x], luma[row + x + 1])) {
                count++;
            }
        }
        return count;
    }

    /** The longest run of consecutive lines at one pitch (a centre of -1, a tall shape, breaks a run). */
    private static int[] evenRun(int[] centres) {
        int bestStart = 0;
        int bestLength = centres.length > 0 && centres[0] >= 0 ? 1 : 0;
        int runStart = 0;
        for (int i = 1; i < centres.length; i++) {
            if (centres[i] < 0 || centres[i - 1] < 0) {
                runStart = i;
                continue;
            }
            int gap = centres[i] - centres[i - 1];
            int pitch = i - runStart >= 2 ? centres[runStart + 1] - centres[runStart] : gap;
            if (Math.abs(gap - pitch) > PITCH_TOLERANCE * pitch) {
                runStart = i - 1;
            }
            if (i - runStart + 1 > bestLength) {
                bestLength = i - runStart + 1;
                bestStart = runStart;
            }
        }
        return Arrays.copyOfRange(centres, bestStart, bestStart + bestLength);
    }
}
