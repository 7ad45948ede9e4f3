package org.outward.inspect;

import java.nio.file.Files;
import java.nio.file.Path;

import org.outward.inspect.ocr.ImageDecoders;

/**
 * Reads an image by OCR where OCR runs (a parser process, or the gateway when parsing is not isolated): a HEIC,
 * HEIF or AVIF photo is first turned into a PNG ({@link HeifDecoder}); then the screen ({@link ImageScreen}) decides
 * whether the image could hold a list, and only then does Tesseract read it. A photo format ({@link PhotoFormats})
 * that no decoder here reads is not fully inspected. The screen's verdict goes back with the text, so the gateway
 * can count what was read and report what could not be.
 */
final class ImageText {

    /** Tesseract's reading of one image file of a type. */
    interface Ocr {
        void read(Path image, String type) throws Exception;
    }

    private ImageText() {
    }

    /** Whether this part is read as an image by OCR. */
    static boolean applies(String detectedType, OcrSettings ocr) {
        return ocr.enabled() && detectedType.startsWith("image/");
    }

    /** The screen's verdict on the image; when it is {@code READ}, {@code ocr} has read it. */
    static ImageScreen.Screen read(Path file, String detectedType, OcrSettings settings, Ocr ocr) throws Exception {
        Path image = file;
        String type = detectedType;
        Path decoded = null;
        if (HeifDecoder.handles(detectedType)) {
            HeifDecoder.Decoded heif = new HeifDecoder(settings.heifDecoder())
                    .toPng(file, settings.maxPixels(), settings.timePerImage());
            if (heif.refused() != null) {
                return heif.refused();
            }
            decoded = heif.png();
            image = decoded;
            type = "image/png";
        }
        try {
            ImageScreen.Screen screen = new ImageScreen(settings.maxPixels(), settings.minListRecords()).check(image);
            if (screen.verdict() == ImageScreen.Verdict.NO_DECODER && (decoded != null
                    || PhotoFormats.isPhoto(detectedType) && !ImageDecoders.decodes(detectedType))) {
                // A photo of a kind that is read, and was not: libheif's PNG failed, or no decoder knows the format.
                // A JPEG or PNG that its decoder refuses is damaged (mail clients cut them short): as without OCR.
                return PhotoFormats.unreadable(detectedType, screen.why());
            }
            if (screen.verdict() == ImageScreen.Verdict.READ) {
                ocr.read(image, type);
            }
            return screen;
        } finally {
            if (decoded != null) {
                Files.deleteIfExists(decoded);
            }
        }
    }
}
