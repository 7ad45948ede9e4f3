package org.outward.inspect;

/**
 * How much an image looks like a list: the longest run of evenly spaced lines of small lettering found in any
 * narrow vertical strip of the image. A list of people prints one person a row, so a column of it (names,
 * numbers, phone numbers) shows as many short lines at one pitch, one under the other; an event flyer has a few
 * lines of mixed sizes, and a photo of a street has lettering here and there, so neither gives a long even run.
 * The measure errs towards reading: prose, a receipt, or the slanted edge of a photographed wall can make an even
 * run too, and such an image costs OCR, but a list is not passed over.
 * Strips rather than whole rows, because a photo taken askew slants the lines: across a narrow strip a slanted
 * line still reads as one band of rows. It works on the screen's small sample ({@link ImageScreen}), in
 * milliseconds.
 *
 * @param lines  the most evenly spaced lines of small lettering found in one strip
 * @param pitch  their spacing in sample pixels (0 if there are fewer than two)
 */
record ListLayout(int lines, int pitch) {

    /** Strip width in sample pixels: narrow enough that a line tilted a few degrees stays within one band. */
    private static final int STRIP = 40;
    /** A step in luminance this large between neighbours is the edge of a stroke. */
    private static final int EDGE_STEP = 32;
    /** A row of a strip with this many stroke edges is lettering, not noise or a ruled line's end. */
    private static final int MIN_EDGES_PER_ROW = 2;
    /** Small lettering on the sample: a headline or a window is taller, a speck shorter. */
    private static final int MIN_LINE_HEIGHT = 2;
    private static final int MAX_LINE_HEIGHT = 20;
    /** Two gaps are the same pitch within this share; a photo's perspective stretches the pitch a little. */
    private static final double PITCH_TOLERANCE = 0.25;

    /** The measure on a luminance sample {@code width} by {@code height}, row after row. */
    static ListLayout of(int[] luma, int width, int height) {
        ListLayout best = new ListLayout(0, 0);
        for (int left = 0; left < width; left += STRIP / 2) {
            ListLayout strip = strip(luma, width, height, left, Math.min(width - 1, left + STRIP));
            if (strip.lines() > best.lines()) {
                best = strip;
            }
        }
        return best;
    }

    private static ListLayout strip(int[] luma, int width, int height, int left, int right) {
        int[] centres = new int[height];
        int lines = 0;
        int start = -1;
        int blank = 0;
        for (int y = 0; y <= height; y++) {
            boolean inked = y < height && edges(luma, width, y, left, right) >= MIN_EDGES_PER_ROW;
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
        return evenRun(centres, lines);
    }

    private static int edges(int[] luma, int width, int y, int left, int right) {
        int count = 0;
        int row = y * width;
        for (int x = left; x < right; x++) {
            if (Math.abs(luma[row + x] - luma[row + x + 1]) > EDGE_STEP) {
                count++;
            }
        }
        return count;
    }

    /** The longest run of consecutive lines at one pitch; a centre of -1 (a tall shape) breaks a run. */
    private static ListLayout evenRun(int[] centres, int count) {
        ListLayout best = new ListLayout(count > 0 && centres[0] >= 0 ? 1 : 0, 0);
        int runStart = 0;
        for (int i = 1; i < count; i++) {
            if (centres[i] < 0 || centres[i - 1] < 0) {
                runStart = i;
                continue;
            }
            int gap = centres[i] - centres[i - 1];
            int pitch = i - runStart >= 2 ? centres[runStart + 1] - centres[runStart] : gap;
            if (Math.abs(gap - pitch) > PITCH_TOLERANCE * pitch) {
                runStart = i - 1;
                pitch = gap;
            }
            int run = i - runStart + 1;
            if (run > best.lines()) {
                best = new ListLayout(run, pitch);
            }
        }
        return best;
    }
}
