package org.outward.inspect.ocr;

import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

import javax.imageio.ImageIO;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;

/**
 * The image decoders the plugin brings (WebP from TwelveMonkeys, JBIG2 from PDFBox, JPEG 2000 where present),
 * made known to ImageIO wherever images are decoded. ImageIO finds decoders on the class path it was first used
 * from; inside James the plugin's jars are in {@code extensions-jars}, loaded by a class loader of their own, so
 * without this the gateway would not know a WebP image's decoder that its parser processes (whose class path is
 * that folder) know. Registering a decoder that is already known replaces it with an equal one.
 */
public final class ImageDecoders {

    private ImageDecoders() {
    }

    /** Registers, once, every image decoder on this class's own class path. */
    public static void ensureRegistered() {
        Registered.DONE.hashCode();
    }

    /** Whether a decoder here reads images of this MIME type. */
    public static boolean decodes(String mimeType) {
        ensureRegistered();
        return ImageIO.getImageReadersByMIMEType(mimeType).hasNext();
    }

    /** Loaded on first use, so the registration runs once per JVM. */
    private static final class Registered {
        static final Object DONE = register();

        private static Object register() {
            IIORegistry registry = IIORegistry.getDefaultInstance();
            var decoders = ServiceLoader.load(ImageReaderSpi.class, ImageDecoders.class.getClassLoader()).iterator();
            while (true) {
                try {
                    if (!decoders.hasNext()) {
                        break;
                    }
                    registry.registerServiceProvider(decoders.next(), ImageReaderSpi.class);
                } catch (ServiceConfigurationError broken) {
                    // One jar's broken service entry must not hide the decoders of the others.
                }
            }
            return Boolean.TRUE;
        }
    }
}
