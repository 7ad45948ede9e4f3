/**
 * The inspection core's walk: from a raw message (or a lone file) to every part, attachment, archive entry and
 * embedded file, each with its true type, its protection verdict and its text and tables.
 *
 * <p>Entry point: {@link org.outward.inspect.MessageInspector}. Bounds: {@link org.outward.inspect.InspectionLimits}.
 * Results: {@link org.outward.inspect.Inspection}, {@link org.outward.inspect.InspectedPart},
 * {@link org.outward.inspect.ExtractedText}, {@link org.outward.inspect.InspectionFinding}.
 *
 * <p>Untrusted documents are parsed for text in parser processes of their own
 * ({@link org.outward.inspect.ParserIsolation}), so that a parser that hangs or exhausts memory is killed alone and
 * its part is held; plain text parts take a shortcut past Tika's type detection
 * ({@code PlainText}) and are read on the caller's thread.
 *
 * <p>Images and PDF pages without text are read by OCR when the limits ask for it ({@link org.outward.inspect.OcrSettings}),
 * wherever the image travels: the images Tika hands back from inside documents (and the large images of PDF pages
 * with text, {@code PdfPageImages}) become parts of their own ({@code EmbeddedSpooler}) and are read as attached ones:
 * in the parser processes, by Tika's Tesseract parser, each image straightened and stripped of ruling lines first
 * ({@link org.outward.inspect.ocr}), after a pre-check in the gateway that skips images that
 * cannot hold a list ({@code ImageScreen}); without Tesseract OCR is off ({@code OcrAvailability}).
 *
 * <p>Libraries, one job each: mime4j tokenises MIME (streaming, lenient decoding); Tika detects types and parses
 * documents; commons-compress and junrar open archives; commons-csv reads CSV/TSV tables. Protection verdicts
 * come from a {@link org.outward.protect.ProtectionAssessor}, never from this package. No James or
 * {@code javax.mail} types are used here.
 */
package org.outward.inspect;
