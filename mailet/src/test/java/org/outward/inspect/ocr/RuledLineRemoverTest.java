package org.outward.inspect.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;

/**
 * The cleaning before OCR on pages drawn here: ruling lines go, letters stay, a turned page is found turned.
 * What it does for OCR of photographed lists is measured on photos ({@code PhotographedListsTest},
 * {@code OcrInspectionTest}).
 */
class RuledLineRemoverTest {

    private static final int WIDTH = 1200;
    private static final int HEIGHT = 1600;

    @Test
    void aRuledTableLosesItsLinesAndKeepsItsLetters() {
        BufferedImage ruled = table(true, 0, new Color(60, 60, 60), Color.BLACK, new Color(235, 235, 230));
        BufferedImage bare = table(false, 0, new Color(60, 60, 60), Color.BLACK, new Color(235, 235, 230));
        assertThat(longestRun(ruled, true)).as("the drawn table's rows").isGreaterThan(800);

        BufferedImage cleaned = RuledLineRemover.clean(ruled);

        assertThat(longestRun(cleaned, true)).as("longest dark run along a row").isLessThan(120);
        assertThat(longestRun(cleaned, false)).as("longest dark run down a column").isLessThan(120);
        assertThat(kept(bare, cleaned)).as("share of the letters' pixels still inked").isGreaterThan(0.9);
    }

    @Test
    void aPaleScanComesOutDarkWithItsLinesGone() {
        BufferedImage pale = table(true, 0, new Color(200, 200, 200), new Color(150, 150, 150),
                new Color(238, 238, 238));
        BufferedImage cleaned = RuledLineRemover.clean(pale);
        assertThat(darkest(cleaned)).as("ink made dark").isLessThan(80);
        assertThat(longestRun(cleaned, true)).isLessThan(120);
    }

    @Test
    void aTurnedPageIsFoundTurned() {
        BufferedImage turned = table(true, 4, new Color(60, 60, 60), Color.BLACK, Color.WHITE);
        byte[] ink = new byte[WIDTH * HEIGHT];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                ink[y * WIDTH + x] = (byte) ((turned.getRGB(x, y) & 0xff) < 128 ? 1 : 0);
            }
        }
        assertThat(PageSkew.degrees(ink, WIDTH, HEIGHT)).isCloseTo(4, within(0.3));
    }

    @Test
    void aPageOfProseKeepsItsLetters() {
        BufferedImage prose = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page(prose, Color.WHITE, 0);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SERIF, Font.PLAIN, 22));
        for (int line = 0; line < 50; line++) {
            g.drawString("Minimum illumination: the Hallam hill mill will fill all twelve kilns.", 60,
                    60 + line * 27);
        }
        g.dispose();
        assertThat(kept(prose, RuledLineRemover.clean(prose))).as("share of the letters' pixels still inked")
                .isGreaterThan(0.97);
    }

    /** Twenty rows of a four-column list, ruled or not, turned by {@code degrees}. */
    private static BufferedImage table(boolean ruled, double degrees, Color rule, Color text, Color paper) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page(image, paper, degrees);
        int[] columns = {100, 380, 560, 820, 1100};
        int top = 200;
        int row = 50;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 22));
        g.setColor(text);
        for (int r = 0; r < 20; r++) {
            String[] cells = {"Aled Parry " + r, "Labour", "07700 900" + (100 + r), "12 Heol y Bryn, SY23 3AB"};
            for (int c = 0; c < cells.length; c++) {
                g.drawString(cells[c], columns[c] + 8, top + r * row + 34);
            }
        }
        if (ruled) {
            g.setColor(rule);
            g.setStroke(new BasicStroke(2));
            for (int r = 0; r <= 20; r++) {
                g.drawLine(columns[0], top + r * row, columns[4], top + r * row);
            }
            for (int x : columns) {
                g.drawLine(x, top, x, top + 20 * row);
            }
        }
        g.dispose();
        return image;
    }

    private static Graphics2D page(BufferedImage image, Color paper, double degrees) {
        Graphics2D g = image.createGraphics();
        g.setColor(paper);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.rotate(Math.toRadians(degrees), image.getWidth() / 2.0, image.getHeight() / 2.0);
        return g;
    }

    private static boolean isDark(BufferedImage image, int x, int y) {
        return (image.getRGB(x, y) & 0xff) < 128;
    }

    private static int longestRun(BufferedImage image, boolean alongRows) {
        int outer = alongRows ? image.getHeight() : image.getWidth();
        int inner = alongRows ? image.getWidth() : image.getHeight();
        int longest = 0;
        for (int o = 0; o < outer; o++) {
            int run = 0;
            for (int i = 0; i < inner; i++) {
                run = (alongRows ? isDark(image, i, o) : isDark(image, o, i)) ? run + 1 : 0;
                longest = Math.max(longest, run);
            }
        }
        return longest;
    }

    /**
     * Of the pixels dark in {@code letters}, the share still inked (darker than light grey) in {@code cleaned}:
     * levelling the light lightens the soft edges of letters, which is no loss to OCR.
     */
    private static double kept(BufferedImage letters, BufferedImage cleaned) {
        int dark = 0;
        int inked = 0;
        for (int y = 0; y < letters.getHeight(); y++) {
            for (int x = 0; x < letters.getWidth(); x++) {
                if (isDark(letters, x, y)) {
                    dark++;
                    inked += (cleaned.getRGB(x, y) & 0xff) < 192 ? 1 : 0;
                }
            }
        }
        return (double) inked / dark;
    }

    private static int darkest(BufferedImage image) {
        int min = 255;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                min = Math.min(min, image.getRGB(x, y) & 0xff);
            }
        }
        return min;
    }
}
