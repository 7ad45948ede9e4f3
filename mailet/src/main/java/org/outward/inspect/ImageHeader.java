package org.outward.inspect;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import org.outward.inspect.ocr.ImageDecoders;

/**
 * The size an image declares in its header, read in the gateway without decoding a pixel: enough to keep a
 * signature logo or an emoji away from the parser processes and OCR, and to refuse an image over the policy's
 * pixel limit before anything is decoded. Only the simple headers of the formats logos come in (PNG, JPEG, GIF,
 * BMP, WebP) are read, and only from the first {@value #HEAD_BYTES} bytes of the file, so a header that lies (a count
 * of a billion, a directory past the end) costs no more than that. Anything else, or a header not found there,
 * has no declared size here: the parser process, which decodes it, finds out.
 */
final class ImageHeader {

    /** Room for a JPEG's EXIF and colour profile segments before its frame header. */
    static final int HEAD_BYTES = 256 * 1024;

    private static final Set<String> TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/bmp",
            "image/x-ms-bmp", "image/webp");

    /** Width and height in pixels, as declared. */
    record Size(int width, int height) {
    }

    private ImageHeader() {
    }

    /**
     * What the gateway can tell of an image without decoding it: that no decoder here knows its type, which for
     * an icon or a Windows metafile is judged as without OCR, as before OCR, and for a photo format
     * ({@link PhotoFormats}, JPEG XL say) is not fully inspected, both with no parser process; or that its declared
     * size makes it too small to hold a list or too large to read. Empty when it must be screened where it is
     * decoded.
     */
    static Optional<ImageScreen.Screen> screen(Path file, String detectedType, long maxPixels) {
        if (!HeifDecoder.handles(detectedType) && !ImageDecoders.decodes(detectedType)) {
            return Optional.of(PhotoFormats.isPhoto(detectedType)
                    ? PhotoFormats.unreadable(detectedType, "no decoder for this format here")
                    : new ImageScreen.Screen(ImageScreen.Verdict.NO_DECODER, "no decoder for this image"));
        }
        return declared(file, detectedType).flatMap(size -> ImageScreen.bySize(size.width(), size.height(), maxPixels));
    }

    /** The declared size of an image of this detected type, if its header says it within the first bytes. */
    static Optional<Size> declared(Path file, String detectedType) {
        if (!TYPES.contains(detectedType)) {
            return Optional.empty();
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD_BYTES);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (!ImageDecoders.decodes(detectedType)) {
            return Optional.empty();
        }
        Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(detectedType);
        if (!readers.hasNext()) {
            return Optional.empty();
        }
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(head))) {
            return size(readers.next(), in);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The declared size of the image these first bytes begin, whatever a sender or a document called it: its
     * format is told by its signature, among those ImageIO reads here. Empty for anything else.
     */
    static Optional<Size> sniffed(byte[] head) {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(head))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            return readers.hasNext() ? size(readers.next(), in) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Size> size(ImageReader reader, ImageInputStream in) {
        try {
            reader.setInput(in, true, true);
            return Optional.of(new Size(reader.getWidth(0), reader.getHeight(0)));
        } catch (IOException | RuntimeException e) {
            // A header that does not parse here: the parser process judges the image.
            return Optional.empty();
        } finally {
            reader.dispose();
        }
    }
}
