package org.outward.inspect;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.commons.io.function.IOSupplier;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.ocr.TesseractOCRParser;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.outward.inspect.ocr.RuledLinesRemovedParser;
import org.outward.inspect.ocr.UndecodedPageImages;

/**
 * Reads the text and tables of one part with Tika, within the per-part character and time bounds.
 *
 * <p>The type is the one {@link TypeDetective} already found: Tika's composite parser is handed it in the metadata
 * and picks its parser from it, so the content is detected once and parsed once.
 */
final class TextExtractor {

    /**
     * What a parse gave. {@code failed} never carries content: only class names (see {@link #describe}).
     * {@code screen} is the pre-check's verdict on an image read with OCR ({@link ImageText}), else null.
     */
    record Result(ExtractedText text, List<EmbeddedSpooler.Embedded> embedded, boolean limitReached,
                  boolean timedOut, String failed, ImageScreen.Screen screen) {

        Result(ExtractedText text, List<EmbeddedSpooler.Embedded> embedded, boolean limitReached, boolean timedOut,
               String failed) {
            this(text, embedded, limitReached, timedOut, failed, null);
        }
    }

    private final Parser parser;
    private final TimeBox timeBox;

    TextExtractor(TikaConfig tika, TimeBox timeBox) {
        this.parser = ParsersByType.of(tika.getParser());
        this.timeBox = timeBox;
    }

    Result extract(Path file, String detectedType, String fileName, int maxChars, Duration time,
                   EmbeddedSpooler spooler) {
        return extract(file, detectedType, fileName, maxChars, time, spooler, OcrSettings.off());
    }

    /** As {@link #extract(Path, String, String, int, Duration, EmbeddedSpooler)}, reading images with OCR as asked. */
    Result extract(Path file, String detectedType, String fileName, int maxChars, Duration time,
                   EmbeddedSpooler spooler, OcrSettings ocr) {
        TextCollector collector = new TextCollector(maxChars);
        TimeBox.Outcome<ImageScreen.Screen> outcome = timeBox.run(
                () -> parse(parser, file, detectedType, fileName, collector, spooler, ocr), time, collector::cancel);
        String failed = outcome.failure() == null ? null : describe(parser, detectedType, outcome.failure());
        ExtractedText text = collector.result(!outcome.ok());
        return new Result(text, spooler.found(), collector.limitReached(), outcome.timedOut(), failed,
                outcome.value());
    }

    /**
     * As {@link #extract}, on the calling thread: for plain text, whose reader streams and emits text all along,
     * so the collector's own deadline bounds it without a worker thread to hand over to.
     */
    Result extractHere(Path file, String detectedType, String fileName, int maxChars, Duration time,
                       EmbeddedSpooler spooler) {
        return extractHere(content(file), detectedType, fileName, maxChars, time, spooler);
    }

    /** As {@link #extractHere(Path, String, String, int, Duration, EmbeddedSpooler)}, for a part held in memory. */
    Result extractHere(byte[] content, String detectedType, String fileName, int maxChars, Duration time,
                       EmbeddedSpooler spooler) {
        return extractHere(new Content(() -> new ByteArrayInputStream(content), () -> TikaInputStream.get(content)),
                detectedType, fileName, maxChars, time, spooler);
    }

    private Result extractHere(Content content, String detectedType, String fileName, int maxChars, Duration time,
                               EmbeddedSpooler spooler) {
        TextCollector collector = new TextCollector(maxChars, System.nanoTime() + time.toNanos());
        String failed = null;
        try {
            parse(parser, content, detectedType, fileName, collector, spooler, OcrSettings.off());
        } catch (Exception e) {
            failed = describe(parser, detectedType, e);
        }
        ExtractedText text = collector.result(failed != null);
        return new Result(text, spooler.found(), collector.limitReached(), collector.timedOut(), failed);
    }

    /**
     * Reads one file into the collector, in this thread, with no bound on time: the caller bounds it (a worker
     * thread here, a parser process in {@link ParserProcesses}). Delimited text is read as a table; everything
     * else by Tika's parser for the detected type. Embedded files go to {@code embedded}.
     */
    static void parse(Parser parser, Path file, String detectedType, String fileName, TextCollector collector,
                      EmbeddedDocumentExtractor embedded) throws Exception {
        parse(parser, file, detectedType, fileName, collector, embedded, OcrSettings.off());
    }

    /**
     * As {@link #parse(Parser, Path, String, String, TextCollector, EmbeddedDocumentExtractor)}, with OCR as asked:
     * an image is screened first and read only if it could hold a list ({@link ImageText}); a PDF whose page images
     * could not be decoded for OCR ({@link UndecodedPageImages}) is reported unreadable.
     *
     * @return the screen's verdict on an image read with OCR, or on a PDF's undecoded page images, else null
     */
    static ImageScreen.Screen parse(Parser parser, Path file, String detectedType, String fileName,
                                    TextCollector collector, EmbeddedDocumentExtractor embedded, OcrSettings ocr)
            throws Exception {
        if (ImageText.applies(detectedType, ocr)) {
            return ImageText.read(file, detectedType, ocr, (image, type) -> parse(parser, content(image), type,
                    fileName, collector, embedded, ocr));
        }
        parse(parser, content(file), detectedType, fileName, collector, embedded, ocr);
        if (ocr.enabled() && detectedType.equals("application/pdf")) {
            // Pages OCR read as blank because their image could not be decoded: not fully inspected.
            return UndecodedPageImages.in(file).map(why -> new ImageScreen.Screen(ImageScreen.Verdict.UNREADABLE, why))
                    .orElse(null);
        }
        return null;
    }

    private static Content content(Path file) {
        return new Content(() -> Files.newInputStream(file), () -> TikaInputStream.get(file));
    }

    /** A part's bytes as the readers take them: a plain stream for the table sniffer, Tika's own for its parsers. */
    private record Content(IOSupplier<InputStream> plain, IOSupplier<TikaInputStream> forTika) {
    }

    private static void parse(Parser parser, Content content, String detectedType, String fileName,
                              TextCollector collector, EmbeddedDocumentExtractor embedded, OcrSettings ocr)
            throws Exception {
        Metadata metadata = new Metadata();
        metadata.set(Metadata.CONTENT_TYPE, detectedType);
        if (!fileName.isEmpty()) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        }
        ParseContext context = context(ocr);
        context.set(EmbeddedDocumentExtractor.class, embedded);
        // Parsers that hand parts of a file back to "the" parser (PDF pages, inline objects) find it here, as
        // they would under Tika's AutoDetectParser; without it the PDF parser fails on pages with images.
        context.set(Parser.class, parser);
        try {
            char delimiter = DelimitedTables.delimiterFor(content.plain(), detectedType, fileName);
            if (delimiter != 0) {
                DelimitedTables.read(content.plain(), delimiter, collector);
            } else {
                Parser reader = ImageText.applies(detectedType, ocr) ? ocrParser(context) : parser;
                try (InputStream in = content.forTika().get()) {
                    reader.parse(in, collector, metadata, context);
                }
            }
        } catch (Exception e) {
            if (!collector.stopped()) {
                throw e;
            }
        }
    }

    /**
     * Why a parse failed, for an admin: the exception's class, its root cause's class and the parser that threw,
     * e.g. {@code TikaException caused by NullPointerException in PDFParser}. Class names only: a message may
     * quote the file.
     */
    static String describe(Parser parser, String detectedType, Throwable failure) {
        Throwable root = failure;
        for (int i = 0; i < 20 && root.getCause() != null && root.getCause() != root; i++) {
            root = root.getCause();
        }
        String by = "";
        if (parser instanceof org.apache.tika.parser.CompositeParser composite) {
            Parser chosen = composite.getParsers(context()).get(org.apache.tika.mime.MediaType.parse(detectedType));
            if (chosen instanceof StrictOoxmlParser strict) {
                chosen = strict.getWrappedParser();
            }
            by = chosen == null ? "" : " in " + chosen.getClass().getSimpleName();
        }
        return failure.getClass().getSimpleName()
                + (root == failure ? "" : " caused by " + root.getClass().getSimpleName()) + by;
    }

    /** The context every parse without OCR starts from. */
    static ParseContext context() {
        return context(OcrSettings.off());
    }

    /**
     * The context a parse starts from. Without OCR, tesseract is never started and PDF pages are never rendered
     * to images. With it, only PDF pages without text are rendered (Tika's automatic strategy), in grey at
     * {@value OcrSettings#PDF_DPI} dpi; the large images of the other pages are handed back as embedded files
     * ({@link PdfPageImages}). Tesseract gets the languages and the time per image asked for, and reads sparse
     * text, line by line, rather than laying out a page.
     */
    static ParseContext context(OcrSettings settings) {
        ParseContext context = new ParseContext();
        TesseractOCRConfig ocr = new TesseractOCRConfig();
        PDFParserConfig pdf = new PDFParserConfig();
        if (settings.enabled()) {
            ocr.setLanguage(settings.languages());
            // Sparse text: lists are often ruled tables, whose lines break Tesseract's page layout analysis
            // (its default); found on the development photos, docs/performance.md.
            ocr.setPageSegMode("11");
            ocr.setTimeoutSeconds((int) Math.min(Integer.MAX_VALUE, settings.timePerImage().toSeconds()));
            pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.AUTO);
            pdf.setOcrDPI(OcrSettings.PDF_DPI);
            pdf.setOcrImageType(PDFParserConfig.TikaImageType.GRAY);
            // Pages with text are not rendered: their large images come back as embedded files instead, to be
            // screened and read as images attached alone are.
            pdf.setExtractInlineImages(true);
            pdf.setImageGraphicsEngineFactory(new PdfPageImages());
        } else {
            ocr.setSkipOcr(true);
            pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
        }
        context.set(TesseractOCRConfig.class, ocr);
        context.set(PDFParserConfig.class, pdf);
        return context;
    }

    /**
     * Tika's OCR parser, as configured at start, handed images with their ruling lines removed: image types map
     * to an image metadata parser in the parse map (made without OCR), so an image to be read goes to the OCR
     * parser directly.
     */
    private static Parser ocrParser(ParseContext context) throws org.apache.tika.exception.TikaException {
        Parser ocr = org.apache.tika.extractor.EmbeddedDocumentUtil.tryToFindExistingLeafParser(
                TesseractOCRParser.class, context);
        if (ocr == null) {
            throw new org.apache.tika.exception.TikaException("no OCR parser configured");
        }
        return new RuledLinesRemovedParser(ocr);
    }
}
