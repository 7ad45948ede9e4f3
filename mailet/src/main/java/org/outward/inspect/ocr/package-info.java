/**
 * What an image goes through in the parser process before Tesseract reads it: the page turned straight
 * ({@link org.outward.inspect.ocr.PageSkew}), lit evenly and stripped of the ruling lines of its tables
 * ({@link org.outward.inspect.ocr.RuledLineRemover}), handed to Tika's OCR parser by
 * {@link org.outward.inspect.ocr.RuledLinesRemovedParser}. Java2D and ImageIO only: no ImageMagick, no native
 * code beside Tesseract. Figures: docs/performance.md.
 */
package org.outward.inspect.ocr;
