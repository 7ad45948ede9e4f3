package org.outward.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outward.fixtures.photos.CanvassSheets;
import org.outward.fixtures.photos.DisguisedLists;
import org.outward.fixtures.photos.StreetStallPhoto;

/** The pre-check that keeps images which cannot hold a list away from OCR, on images drawn here. */
class ImageScreenTest {

    @TempDir
    Path dir;

    private final ImageScreen screen = new ImageScreen(40_000_000);

    @Test
    void aPageOfTypedLinesIsWorthReading() throws Exception {
        BufferedImage page = canvas(1200, 1600, Color.WHITE);
        Graphics2D g = page.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 26));
        for (int line = 0; line < 30; line++) {
            g.drawString("Person " + line + "  12 Example Street  01632 960" + (100 + line) + "  Labour", 40, 60 + line * 48);
        }
        g.dispose();
        assertThat(screen.check(write(page, "jpg")).verdict()).isEqualTo(ImageScreen.Verdict.READ);
    }

    @Test
    void photographedListsOfFiveToTwentyPeopleAreRead() throws Exception {
        for (int listed : new int[]{5, 8, 12, 20}) {
            for (CanvassSheets.Photo photo : CanvassSheets.photosOfLists(listed, 24_500L + listed, 3, 1000, 1300, 1600)) {
                Path file = dir.resolve(photo.name());
                Files.write(file, photo.jpeg());
                assertThat(screen.check(file).verdict()).as(photo.name()).isEqualTo(ImageScreen.Verdict.READ);
            }
        }
    }

    @Test
    void listsMadeToSlipPastTheScreenAreRead() throws Exception {
        // On coloured card, pinned to a busy pinboard, in faint pencil, sideways, and a dark-mode screenshot.
        for (int listed : new int[]{5, 12, 20}) {
            for (DisguisedLists.Picture picture : DisguisedLists.pictures(24_900L + listed, 3, listed)) {
                Path file = dir.resolve(picture.name());
                Files.write(file, picture.image());
                assertThat(screen.check(file).verdict()).as(picture.name()).isEqualTo(ImageScreen.Verdict.READ);
            }
        }
    }

    @Test
    void theShortestListReadFollowsThePolicysSmallestList() throws Exception {
        // Three people, a title and a header: five lines.
        for (CanvassSheets.Photo photo : CanvassSheets.photosOfLists(3, 24_503L, 3, 1000, 1300, 1600)) {
            Path file = dir.resolve(photo.name());
            Files.write(file, photo.jpeg());
            assertThat(new ImageScreen(40_000_000, 3).check(file).verdict()).as(photo.name())
                    .isEqualTo(ImageScreen.Verdict.READ);
            assertThat(new ImageScreen(40_000_000, 10).check(file).verdict()).as(photo.name())
                    .isEqualTo(ImageScreen.Verdict.SKIP);
        }
    }

    @Test
    void phonePhotosOfAStreetStallAreSkipped() throws Exception {
        Random random = new Random(24_18L);
        for (int i = 0; i < 18; i++) {
            Path file = dir.resolve("street-" + i + ".jpg");
            Files.write(file, StreetStallPhoto.jpeg(random));
            assertThat(screen.check(file).verdict()).as(file.getFileName().toString())
                    .isEqualTo(ImageScreen.Verdict.SKIP);
        }
    }

    @Test
    void anEventFlyerWithAFewLinesOfMixedSizesIsSkipped() throws Exception {
        BufferedImage flyer = canvas(800, 450, new Color(200, 16, 46));
        Graphics2D g = flyer.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 64));
        g.drawString("Summer Fete", 66, 112);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 32));
        g.drawString("Saturday 14 June, 2pm to 5pm", 66, 225);
        g.drawString("Church hall, Station Road", 66, 281);
        g.drawString("Cakes, tombola and a raffle", 66, 337);
        g.dispose();
        ImageScreen.Screen result = screen.check(write(flyer, "png"));
        assertThat(result.verdict()).isEqualTo(ImageScreen.Verdict.SKIP);
        assertThat(result.why()).contains("lines");
    }

    @Test
    void aTinyIconIsSkipped() throws Exception {
        BufferedImage icon = canvas(64, 64, Color.WHITE);
        Graphics2D g = icon.createGraphics();
        g.setColor(Color.RED);
        g.fillOval(8, 8, 48, 48);
        g.dispose();
        ImageScreen.Screen result = screen.check(write(icon, "png"));
        assertThat(result.verdict()).isEqualTo(ImageScreen.Verdict.SKIP);
        assertThat(result.why()).contains("small");
    }

    @Test
    void aWideShortSignatureBannerIsSkipped() throws Exception {
        BufferedImage banner = canvas(600, 120, new Color(20, 60, 140));
        Graphics2D g = banner.createGraphics();
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SERIF, Font.BOLD, 40));
        g.drawString("Example Party", 40, 80);
        g.dispose();
        assertThat(screen.check(write(banner, "png")).verdict()).isEqualTo(ImageScreen.Verdict.SKIP);
    }

    @Test
    void aLargeImageOfOneColourIsSkipped() throws Exception {
        BufferedImage plain = canvas(1500, 1000, new Color(200, 210, 220));
        ImageScreen.Screen result = screen.check(write(plain, "jpg"));
        assertThat(result.verdict()).isEqualTo(ImageScreen.Verdict.SKIP);
        assertThat(result.why()).contains("colour");
    }

    @Test
    void aLargeLogoOfAFewSmoothShapesIsSkipped() throws Exception {
        BufferedImage logo = canvas(800, 800, Color.WHITE);
        Graphics2D g = logo.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(200, 30, 40));
        g.fillOval(100, 100, 600, 600);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(30));
        g.drawLine(250, 400, 550, 400);
        g.dispose();
        ImageScreen.Screen result = screen.check(write(logo, "png"));
        assertThat(result.verdict()).isEqualTo(ImageScreen.Verdict.SKIP);
        assertThat(result.why()).doesNotContain("colour");
    }

    @Test
    void anImageOverThePixelLimitIsTooLarge() throws Exception {
        BufferedImage big = canvas(2000, 2000, Color.WHITE);
        assertThat(new ImageScreen(1_000_000).check(write(big, "png")).verdict())
                .isEqualTo(ImageScreen.Verdict.TOO_LARGE);
    }

    @Test
    void bytesNoImageDecoderKnowsAreNotRead() throws Exception {
        Path file = dir.resolve("photo.heic");
        Files.write(file, new byte[]{0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 1, 2, 3, 4});
        assertThat(screen.check(file).verdict()).isEqualTo(ImageScreen.Verdict.NO_DECODER);
    }

    private static BufferedImage canvas(int width, int height, Color background) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(background);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    private Path write(BufferedImage image, String format) throws Exception {
        Path file = Files.createTempFile(dir, "image", "." + format);
        ImageIO.write(image, format, file.toFile());
        return file;
    }
}
