package org.outward.inspect.ocr;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.apache.tika.exception.TikaException;
import org.apache.tika.io.TemporaryResources;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ParserDecorator;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * An OCR parser that is handed each image cleaned by {@link RuledLineRemover} (straightened, levelled, without
 * ruling lines), as a grey PNG. An image the JDK cannot decode (Tesseract's own decoder may still read it), or
 * one of more than {@value #MOST_PIXELS} pixels, goes to the OCR parser as it came.
 */
public final class RuledLinesRemovedParser extends ParserDecorator {

    private static final long serialVersionUID = 1L;

    /**
     * A 16-megapixel photo, larger than most phones take: cleaning needs about seven bytes a pixel beside the
     * decoded image's three, some 160 MB at this size, within a parser process's heap (384 MB by default).
     */
    static final long MOST_PIXELS = 16_000_000L;

    public RuledLinesRemovedParser(Parser ocr) {
        super(ocr);
    }

    @Override
    public void parse(InputStream stream, ContentHandler handler, Metadata metadata, ParseContext context)
            throws IOException, SAXException, TikaException {
        try (TemporaryResources spool = new TemporaryResources()) {
            TikaInputStream image = TikaInputStream.get(stream, spool, metadata);
            byte[] cleaned = cleaned(image);
            if (cleaned == null) {
                super.parse(image, handler, metadata, context);
                return;
            }
            metadata.set(Metadata.CONTENT_TYPE, "image/png");
            try (TikaInputStream png = TikaInputStream.get(cleaned)) {
                super.parse(png, handler, metadata, context);
            }
        }
    }

    /** The image cleaned and written as PNG, or null where it is to go as it came. */
    private static byte[] cleaned(TikaInputStream image) throws IOException {
        BufferedImage decoded;
        ImageDecoders.ensureRegistered();
        try (ImageInputStream in = ImageIO.createImageInputStream(image.getFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                if ((long) reader.getWidth(0) * reader.getHeight(0) > MOST_PIXELS) {
                    return null;
                }
                decoded = reader.read(0);
            } catch (IOException | RuntimeException undecodable) {
                // Tesseract's own decoder may still read it; the parse is bounded by the part's time either way.
                return null;
            } finally {
                reader.dispose();
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(RuledLineRemover.clean(decoded), "png", png);
        return png.toByteArray();
    }
}
