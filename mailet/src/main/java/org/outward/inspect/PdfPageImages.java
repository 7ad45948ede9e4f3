package org.outward.inspect;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;
import org.apache.tika.exception.TikaException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.parser.pdf.image.ImageGraphicsEngine;
import org.apache.tika.parser.pdf.image.ImageGraphicsEngineFactory;
import org.apache.tika.sax.XHTMLContentHandler;
import org.xml.sax.SAXException;

/**
 * Which images of a PDF page Tika hands back as embedded files when OCR is on, so that a photographed list placed
 * on a page beside typed text (a heading, "page 1 of 3") is screened and read like an image attached alone.
 *
 * <p>Tika's automatic OCR renders and reads only pages with (almost) no text; the pages it renders are read
 * whole, images and all, so their images are not handed back a second time. Whether a page will be rendered is
 * told the way Tika tells it, by the glyphs the page shows (at least as many are counted here as Tika counts, so
 * an image is only held back where Tika's own OCR is certain to read it). Images too small on their short side to
 * hold a list ({@link ImageScreen#MIN_SIDE}), a letterhead logo or a signature, are left where they are without
 * a pixel decoded; a photo stored as a JPEG in RGB or grey is handed back as its own bytes, undecoded.
 */
final class PdfPageImages extends ImageGraphicsEngineFactory {

    private static final long serialVersionUID = 1L;

    @Override
    public ImageGraphicsEngine newEngine(PDPage page, int pageNumber, EmbeddedDocumentExtractor extractor,
                                         PDFParserConfig config, Map<COSStream, Integer> processed,
                                         AtomicInteger counter, XHTMLContentHandler xhtml, Metadata parentMetadata,
                                         ParseContext context) {
        return new Engine(page, pageNumber, extractor, config, processed, counter, xhtml, parentMetadata, context);
    }

    /** Walks one page: counts its glyphs, keeps its large images, and hands them back unless OCR reads the page. */
    private static final class Engine extends ImageGraphicsEngine {

        private record Held(PDImage image, int number) {
        }

        private final List<Held> held = new ArrayList<>();
        private int glyphs;

        Engine(PDPage page, int pageNumber, EmbeddedDocumentExtractor extractor, PDFParserConfig config,
               Map<COSStream, Integer> processed, AtomicInteger counter, XHTMLContentHandler xhtml,
               Metadata parentMetadata, ParseContext context) {
            super(page, pageNumber, extractor, config, processed, counter, xhtml, parentMetadata, context);
        }

        @Override
        protected void showGlyph(Matrix textRenderingMatrix, PDFont font, int code, Vector displacement)
                throws IOException {
            glyphs++;
            super.showGlyph(textRenderingMatrix, font, code, displacement);
        }

        @Override
        protected void processImage(PDImage image, int number) {
            // The declared size, from the image's dictionary: nothing is decoded to learn it.
            if (Math.min(image.getWidth(), image.getHeight()) >= ImageScreen.MIN_SIDE) {
                held.add(new Held(image, number));
            }
        }

        @Override
        public void run() throws IOException {
            super.run();
            if (renderedForOcr()) {
                return;
            }
            for (Held image : held) {
                try {
                    super.processImage(image.image(), image.number());
                } catch (TikaException | SAXException e) {
                    throw new IOException(e);
                } catch (IOException e) {
                    handleCatchableIOE(e);
                }
            }
        }

        /** Whether Tika's OCR strategy renders this page and reads it whole (its rule, on the glyphs counted). */
        private boolean renderedForOcr() {
            return switch (pdfParserConfig.getOcrStrategy()) {
                case OCR_ONLY, OCR_AND_TEXT_EXTRACTION -> true;
                case AUTO -> glyphs <= pdfParserConfig.getOcrStrategyAuto().getTotalCharsPerPage();
                default -> false;
            };
        }
    }
}
