package org.outward.bench.load;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;

import javax.imageio.ImageIO;

import org.outward.fixtures.photos.StreetStallPhoto;
import org.outward.fixtures.photos.SignatureLogo;

/**
 * The pictures ordinary party mail carries besides attachments, as mail programs put them in: a signature logo
 * (a PNG band, or a JPEG with a tag line, as Outlook and Gmail embed it), emoji (Outlook embeds them as small
 * PNGs), an event flyer pasted into the message, and a phone photo of a street stall. Their sizes are the ones
 * such mail has, chosen without regard to the gateway's image pre-check.
 */
final class MailImages {

    private static final Color[] PARTY_COLOURS = {new Color(200, 16, 46), new Color(0, 135, 220),
            new Color(250, 166, 26), new Color(106, 176, 35)};

    private MailImages() {
    }

    /** A signature logo: a PNG band 120 to 360 pixels wide, a third as high. */
    static byte[] pngLogo(Random random) {
        int width = 120 + random.nextInt(241);
        return SignatureLogo.png(width, width / 3, PARTY_COLOURS[random.nextInt(PARTY_COLOURS.length)]);
    }

    /** A signature logo saved as JPEG: the party's name and a tag line on a band, 300 to 600 pixels wide. */
    static byte[] jpegLogo(Random random) {
        int width = 300 + random.nextInt(301);
        int height = width / 4;
        BufferedImage logo = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(logo, Color.WHITE);
        g.setColor(PARTY_COLOURS[random.nextInt(PARTY_COLOURS.length)]);
        g.fillRect(0, 0, height, height);
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, height / 3));
        g.drawString("Party of the Region", height + 10, height / 2);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, height / 6));
        g.drawString("Working for every street, every day", height + 10, height * 5 / 6);
        g.dispose();
        return encode(logo, "jpeg");
    }

    /** An emoji as Outlook embeds one: a 20 or 72 pixel PNG face. */
    static byte[] emoji(Random random) {
        int side = random.nextBoolean() ? 20 : 72;
        BufferedImage face = new BufferedImage(side, side, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = canvas(face, new Color(0, 0, 0, 0));
        g.setColor(new Color(255, 204, 77));
        g.fillOval(0, 0, side - 1, side - 1);
        g.setColor(new Color(102, 69, 0));
        g.fillOval(side * 3 / 10, side * 3 / 10, side / 8 + 1, side / 6 + 1);
        g.fillOval(side * 6 / 10, side * 3 / 10, side / 8 + 1, side / 6 + 1);
        g.setStroke(new BasicStroke(Math.max(1, side / 16f)));
        g.drawArc(side / 4, side / 3, side / 2, side / 3, 200, 140);
        g.dispose();
        return encode(face, "png");
    }

    /** An event flyer pasted into a message: a PNG about 800 by 450 with a headline, a date and a place. */
    static byte[] flyer(Random random) {
        int width = 700 + random.nextInt(201);
        int height = width * 9 / 16;
        BufferedImage flyer = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(flyer, PARTY_COLOURS[random.nextInt(PARTY_COLOURS.length)]);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, height / 7));
        g.drawString("Summer Fete", width / 12, height / 4);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, height / 14));
        g.drawString("Saturday " + (1 + random.nextInt(28)) + " June, 2pm to 5pm", width / 12, height / 2);
        g.drawString("Church hall, Station Road", width / 12, height * 5 / 8);
        g.drawString("Cakes, tombola and a raffle", width / 12, height * 3 / 4);
        g.dispose();
        return encode(flyer, "png");
    }

    /** A phone photo of the team at a street stall, 1200 to 1600 pixels wide ({@link StreetStallPhoto}). */
    static byte[] streetPhoto(Random random) {
        return StreetStallPhoto.jpeg(random);
    }

    private static Graphics2D canvas(BufferedImage image, Color background) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(background);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        return g;
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no " + format + " writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
