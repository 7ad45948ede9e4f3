package org.outward.inspect;

import java.util.Set;

/**
 * The image types a photo of a page or a scan of one is saved in, which OCR must read or report: what phones take
 * (JPEG, HEIC and HEIF on iPhones, AVIF, WebP and JPEG XL on Android phones and newer cameras, DNG raw), what
 * browsers save an image as (WebP, PNG), and what document scanners and copiers write (TIFF, PNG, JPEG, JPEG 2000).
 * An image of one of these types that no decoder here reads is not fully inspected: it may hold a list of people as
 * well as a JPEG may, and sending it in a format the gateway cannot read must not be a way past it. One whose
 * decoder is here but fails on it is judged as without OCR, as other damaged images are: ordinary mail carries
 * images cut short, and holding them would hold ordinary mail.
 *
 * <p>Other image types (icons, cursors, Windows and vector metafiles, Photoshop files, GIF animations) are what
 * logos, emoji and designs come in; where no decoder here reads one it is judged as without OCR, as before OCR
 * was added, so that a signature icon never holds mail back.
 */
final class PhotoFormats {

    private static final Set<String> TYPES = Set.of("image/jpeg", "image/png", "image/tiff", "image/bmp",
            "image/x-ms-bmp", "image/heic", "image/heif", "image/heic-sequence", "image/heif-sequence", "image/avif",
            "image/webp", "image/jxl", "image/jp2", "image/jpx", "image/jpm", "image/x-jp2-codestream",
            "image/x-adobe-dng");

    private PhotoFormats() {
    }

    /** Whether an image of this detected type may be a photo or scan of a page. */
    static boolean isPhoto(String detectedType) {
        return TYPES.contains(detectedType);
    }

    /** The verdict on a photo or scan that no decoder here could read: not fully inspected. */
    static ImageScreen.Screen unreadable(String detectedType, String why) {
        return new ImageScreen.Screen(ImageScreen.Verdict.UNREADABLE, detectedType + " photo or scan: " + why);
    }
}
