package org.outward.inspect.ocr;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * Prepares a photo or scan of a page for Tesseract: turned straight, lit evenly, in grey, with the ruling lines
 * of tables taken out. Ruled cells break Tesseract's reading of a table: its automatic page layout cuts the page
 * into a block a cell and reads the table column by column, and without it (sparse text) a cell border is read
 * as letters or splits a row. Without the lines, and with the rows level, a row of cells reads as one line of
 * text, which is what makes it a record for the detectors.
 *
 * <p>Each pixel is judged against the mean of a square around it (a fortieth of the page's shorter side): ink
 * is {@value #INK_PERCENT}% darker, faint ink (thin lines blurred by a camera) {@value #FAINT_PERCENT}%. The
 * grey is divided by that mean, so uneven light, a shaded header row and the table the paper lies on turn
 * white. The page is turned back by its skew ({@link PageSkew}). A ruling line is then a path of ink, stepping
 * one pixel along at a time and at most one aside, at least a fifth of the image's width long (a tenth of its
 * height for vertical lines); letters make no such path, since the gaps between them break it. A second path
 * search runs through thin ink only (at most a {@value #THIN_SHARE}th of the page thick across the path, as a
 * rule is and a letter's stem or bowl is not) and may step over gaps of a {@value #GAP_SHARE}th of the page,
 * which a thin line photographed breaks into dashes. Every pixel on a path is made white.
 *
 * <p>Cost: a few passes over the pixels; besides the decoded image, four bytes a pixel (grey, levelled grey, ink,
 * the result) and three more for the path search.
 */
public final class RuledLineRemover {

    /** The share of the image's width a horizontal line must span, as 1 in this many. */
    private static final int HORIZONTAL_SHARE = 5;
    /** The share of the image's height a vertical line must span, as 1 in this many. */
    private static final int VERTICAL_SHARE = 10;
    /** Ink is this many percent darker than its neighbourhood's mean; paper noise and shading are not. */
    private static final int INK_PERCENT = 15;
    /** Faint ink: a thin line blurred by the camera, followed by the path search but left white. */
    private static final int FAINT_PERCENT = 8;
    /**
     * Ink is also this many grey levels darker than its neighbourhood, and faint ink {@value #FAINT_DROP}: in a
     * dark patch (the table beside the paper) a camera's noise is a large share of the little light there is.
     */
    private static final int INK_DROP = 32;
    private static final int FAINT_DROP = 24;
    /** Thin ink is at most the page's size across the path by this many (and at least three pixels). */
    private static final int THIN_SHARE = 200;
    /** A path through thin ink steps over gaps of up to the page's size along it by this many. */
    private static final int GAP_SHARE = 200;
    /** Grey levels between the darkest ink and the paper below which a page is left unstretched (blank). */
    private static final int MIN_CONTRAST = 24;
    /** A page turned less than this (degrees) is read as it is: Tesseract takes a small skew in its stride. */
    private static final double LEAST_TURN_DEGREES = 0.5;

    private static final byte PAPER = 0;
    private static final byte INK = 1;
    private static final byte RULE = 2;
    private static final byte FAINT = 3;

    private RuledLineRemover() {
    }

    /** The page straightened and levelled, in grey, without its ruling lines. */
    public static BufferedImage clean(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        byte[] grey = grey(image, 0);
        byte[] flat = new byte[width * height];
        byte[] ink = ink(grey, flat, width, height);
        double skew = PageSkew.degrees(ink, width, height);
        if (Math.abs(skew) >= LEAST_TURN_DEGREES) {
            grey = grey(image, -skew);
            ink = ink(grey, flat, width, height);
        }
        short[] run = new short[width * height];
        byte[] thin = new byte[width * height];
        removeRules(ink, thin, run, Direction.horizontal(width, height), Math.max(2, width / HORIZONTAL_SHARE));
        removeRules(ink, thin, run, Direction.vertical(width, height), Math.max(2, height / VERTICAL_SHARE));
        return withoutRules(ink, flat, width, height);
    }

    /** The image in grey, turned by {@code degrees} about its centre, paper-white where the turn uncovers. */
    private static byte[] grey(BufferedImage image, double degrees) {
        BufferedImage grey = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = grey.createGraphics();
        if (degrees != 0) {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.rotate(Math.toRadians(degrees), image.getWidth() / 2.0, image.getHeight() / 2.0);
        }
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return stretched(((DataBufferByte) grey.getRaster().getDataBuffer()).getData());
    }

    /**
     * The grey stretched so that its darkest half percent is black and its lightest twentieth white: a scan
     * rendered pale, or a photo in dim light, then has ink as dark against paper as a sharp print.
     */
    private static byte[] stretched(byte[] grey) {
        int[] counts = new int[256];
        for (byte b : grey) {
            counts[b & 0xff]++;
        }
        int dark = level(counts, grey.length / 200);
        int light = level(counts, grey.length - grey.length / 20);
        if (light - dark < MIN_CONTRAST) {
            return grey;
        }
        byte[] map = new byte[256];
        for (int v = 0; v < 256; v++) {
            map[v] = (byte) Math.max(0, Math.min(255, (v - dark) * 255 / (light - dark)));
        }
        for (int i = 0; i < grey.length; i++) {
            grey[i] = map[grey[i] & 0xff];
        }
        return grey;
    }

    /** The grey level below which {@code rank} pixels lie. */
    private static int level(int[] counts, int rank) {
        int seen = 0;
        for (int v = 0; v < counts.length; v++) {
            seen += counts[v];
            if (seen > rank) {
                return v;
            }
        }
        return counts.length - 1;
    }

    /**
     * Which pixels are ink or faint ink, against the mean of a square around them, kept up row by row from
     * column sums so that memory stays one row of sums; {@code flat} gets the grey divided by that mean (paper
     * white).
     */
    private static byte[] ink(byte[] grey, byte[] flat, int width, int height) {
        int radius = Math.max(7, Math.min(width, height) / 80);
        int[] columns = new int[width];
        int top = 0;
        int bottom = -1;
        byte[] ink = new byte[width * height];
        for (int y = 0; y < height; y++) {
            int wantTop = Math.max(0, y - radius);
            int wantBottom = Math.min(height - 1, y + radius);
            while (bottom < wantBottom) {
                bottom++;
                addRow(columns, grey, bottom * width, 1);
            }
            while (top < wantTop) {
                addRow(columns, grey, top * width, -1);
                top++;
            }
            int rows = bottom - top + 1;
            long sum = 0;
            int left = 0;
            int right = -1;
            for (int x = 0; x < width; x++) {
                int wantLeft = Math.max(0, x - radius);
                int wantRight = Math.min(width - 1, x + radius);
                while (right < wantRight) {
                    right++;
                    sum += columns[right];
                }
                while (left < wantLeft) {
                    sum -= columns[left];
                    left++;
                }
                long count = (long) rows * (right - left + 1);
                int value = grey[y * width + x] & 0xff;
                long drop = sum - value * count;
                if (value * count * 100 < sum * (100 - INK_PERCENT) && drop >= INK_DROP * count) {
                    ink[y * width + x] = INK;
                } else if (value * count * 100 < sum * (100 - FAINT_PERCENT) && drop >= FAINT_DROP * count) {
                    ink[y * width + x] = FAINT;
                }
                flat[y * width + x] = ink[y * width + x] == PAPER ? (byte) 255
                        : (byte) Math.min(255, value * count * 255 / Math.max(1, sum));
            }
        }
        return ink;
    }

    private static void addRow(int[] columns, byte[] grey, int offset, int sign) {
        for (int x = 0; x < columns.length; x++) {
            columns[x] += sign * (grey[offset + x] & 0xff);
        }
    }

    /**
     * Marks ink on paths of at least {@code least} pixels along one direction. Positions are numbered along the
     * paths ({@code along}, {@code lengthAlong} of them, {@code strideAlong} apart in the array) and across
     * them. The length of the longest path ending at each pixel is worked out from the start, that of the longest
     * starting there from the end (keeping only the last few positions along); a pixel whose two add up to
     * enough lies on a rule. A path may step over {@code gap} pixels of paper: a thin line photographed comes
     * out of the ink test broken.
     */
    private static void markRules(byte[] ink, byte[] thin, short[] fromStart, Direction d, int least, int gap) {
        int reach = gap + 1;
        for (int a = 0; a < d.lengthAlong; a++) {
            for (int c = 0; c < d.lengthAcross; c++) {
                int i = a * d.strideAlong + c * d.strideAcross;
                if (thin[i] == 0) {
                    fromStart[i] = 0;
                    continue;
                }
                int best = 0;
                for (int back = 1; back <= reach && back <= a; back++) {
                    int j = i - back * d.strideAlong;
                    best = Math.max(best, fromStart[j]);
                    if (c > 0) {
                        best = Math.max(best, fromStart[j - d.strideAcross]);
                    }
                    if (c < d.lengthAcross - 1) {
                        best = Math.max(best, fromStart[j + d.strideAcross]);
                    }
                }
                fromStart[i] = (short) Math.min(Short.MAX_VALUE, best + 1);
            }
        }
        int[][] toEnd = new int[reach + 1][d.lengthAcross];
        for (int a = d.lengthAlong - 1; a >= 0; a--) {
            int[] here = toEnd[a % toEnd.length];
            for (int c = 0; c < d.lengthAcross; c++) {
                int i = a * d.strideAlong + c * d.strideAcross;
                if (thin[i] == 0) {
                    here[c] = 0;
                    continue;
                }
                int best = 0;
                for (int ahead = 1; ahead <= reach && a + ahead < d.lengthAlong; ahead++) {
                    int[] later = toEnd[(a + ahead) % toEnd.length];
                    best = Math.max(best, later[c]);
                    if (c > 0) {
                        best = Math.max(best, later[c - 1]);
                    }
                    if (c < d.lengthAcross - 1) {
                        best = Math.max(best, later[c + 1]);
                    }
                }
                here[c] = best + 1;
                if (fromStart[i] + here[c] - 1 >= least) {
                    ink[i] = RULE;
                }
            }
        }
    }

    /** Marks as rules the paths of {@code least} pixels along {@code d}: through any ink, then through thin ink. */
    private static void removeRules(byte[] ink, byte[] thin, short[] run, Direction d, int least) {
        thin(ink, thin, d, Integer.MAX_VALUE);
        markRules(ink, thin, run, d, least, 2);
        thin(ink, thin, d, Math.max(3, d.lengthAcross / THIN_SHARE));
        markRules(ink, thin, run, d, least, Math.max(2, d.lengthAlong / GAP_SHARE));
    }

    /**
     * Marks in {@code thin} the ink that is at most {@code most} pixels thick across direction {@code d}: a rule
     * is thin across its length, while the stems and bowls of letters are as tall as the letters.
     */
    private static void thin(byte[] ink, byte[] thin, Direction d, int most) {
        for (int a = 0; a < d.lengthAlong; a++) {
            int c = 0;
            while (c < d.lengthAcross) {
                int base = a * d.strideAlong;
                if (ink[base + c * d.strideAcross] == PAPER) {
                    thin[base + c * d.strideAcross] = 0;
                    c++;
                    continue;
                }
                int end = c;
                while (end < d.lengthAcross && ink[base + end * d.strideAcross] != PAPER) {
                    end++;
                }
                byte mark = (byte) (end - c <= most ? 1 : 0);
                for (int k = c; k < end; k++) {
                    thin[base + k * d.strideAcross] = mark;
                }
                c = end;
            }
        }
    }

    /** How paths run through the pixel array: along rows (horizontal rules) or down columns (vertical ones). */
    private record Direction(int lengthAlong, int strideAlong, int lengthAcross, int strideAcross) {

        static Direction horizontal(int width, int height) {
            return new Direction(width, 1, height, width);
        }

        static Direction vertical(int width, int height) {
            return new Direction(height, width, width, 1);
        }
    }

    private static BufferedImage withoutRules(byte[] ink, byte[] flat, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] pixels = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = ink[i] == RULE ? (byte) 255 : flat[i];
        }
        return out;
    }
}
