package org.outward.inspect;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;

import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;

/**
 * An image shrunk to at most a given side for the image screen, as luminance (0-255) row after row. Each sample
 * pixel is the average of the block of pixels it stands for, not one pixel picked from it, so that a stroke of
 * lettering thinner than the block still darkens its sample pixel (picking one pixel loses it as often as not).
 * The decoder delivers a large image at every n-th pixel only, about twice the finest sample's side, which bounds
 * the memory it takes to a few times the sample's.
 *
 * @param width   sample width
 * @param height  sample height
 * @param luma    luminance, {@code width * height} values
 */
record Sample(int width, int height, int[] luma) {

    /**
     * The first image {@code reader} holds, declared {@code width} by {@code height}, decoded at every pixel or at
     * every n-th so that it still has about twice {@code finest} pixels on its longer side: enough to average down
     * to any sample up to {@code finest}.
     */
    static BufferedImage decode(ImageReader reader, int width, int height, int finest) throws IOException {
        int step = Math.max(1, Math.max(width, height) / (2 * finest));
        ImageReadParam param = reader.getDefaultReadParam();
        param.setSourceSubsampling(step, step, 0, 0);
        return reader.read(0, param);
    }

    /** The sample of {@code image} with at most about {@code side} pixels on its longer side. */
    static Sample of(BufferedImage image, int side) {
        int longer = Math.max(image.getWidth(), image.getHeight());
        return average(image, Math.max(1, (longer + side - 1) / side));
    }

    /** The luminance of {@code image}, each {@code per} by {@code per} block averaged into one pixel. */
    private static Sample average(BufferedImage image, int per) {
        int w = image.getWidth() / per;
        int h = image.getHeight() / per;
        int[] sums = new int[w * h];
        int[] row = new int[image.getWidth()];
        byte[] bgr = image.getType() == BufferedImage.TYPE_3BYTE_BGR
                && image.getRaster().getDataBuffer() instanceof DataBufferByte bytes
                && image.getRaster().getParent() == null ? bytes.getData() : null;
        for (int y = 0; y < h * per; y++) {
            if (bgr == null) {
                image.getRGB(0, y, image.getWidth(), 1, row, 0, image.getWidth());
            }
            int out = (y / per) * w;
            for (int x = 0; x < w * per; x++) {
                sums[out + x / per] += bgr != null ? luma(bgr, 3 * (y * image.getWidth() + x)) : luma(row[x]);
            }
        }
        int n = per * per;
        for (int i = 0; i < sums.length; i++) {
            sums[i] /= n;
        }
        return new Sample(w, h, sums);
    }

    private static int luma(int rgb) {
        return (299 * ((rgb >> 16) & 0xff) + 587 * ((rgb >> 8) & 0xff) + 114 * (rgb & 0xff)) / 1000;
    }

    /** The luminance of the blue, green and red bytes at {@code i}, as a JPEG decoder lays them out. */
    private static int luma(byte[] bgr, int i) {
        return (114 * (bgr[i] & 0xff) + 587 * (bgr[i + 1] & 0xff) + 299 * (bgr[i + 2] & 0xff)) / 1000;
    }

    /** The sample turned a quarter, so that the lines of a page photographed sideways run across it. */
    Sample turned() {
        int[] out = new int[luma.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                out[x * height + (height - 1 - y)] = luma[y * width + x];
            }
        }
        return new Sample(height, width, out);
    }
}
