package org.outward.inspect;

import java.util.HashMap;
import java.util.Map;

import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.CompositeParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.outward.inspect.ocr.RuledLinesRemovedParser;

/**
 * Tika's composite parser with its map from type to parser worked out once. Tika's own asks every one of its
 * parsers for its types on every parse, which for a short text part cost more than reading the text. The map is
 * made with the same context every parse gets, so each type goes to the parser it went to before, except that
 * OOXML files go through {@link StrictOoxmlParser} so that Strict OOXML ones are read too, and Tika's internal
 * page-image types for OCR are mapped as well, to the OCR parser behind {@link RuledLinesRemovedParser}.
 */
final class ParsersByType extends CompositeParser {

    private final transient Map<MediaType, Parser> parsers;

    private ParsersByType(CompositeParser source) {
        super(source.getMediaTypeRegistry(), source.getAllComponentParsers());
        setFallback(source.getFallback());
        Map<MediaType, Parser> byType = new HashMap<>(source.getParsers(TextExtractor.context()));
        // Tika's internal types for page images to OCR (image/ocr-png, ...), which the PDF parser looks up here
        // when OCR is asked for: without them it reads no page by OCR. No part is ever detected as one. Page
        // images have their ruling lines removed first, as images do.
        source.getParsers(TextExtractor.context(OcrSettings.english())).forEach((type, parser) -> {
            if (type.getSubtype().startsWith("ocr-")) {
                byType.put(type, new RuledLinesRemovedParser(parser));
            }
        });
        for (MediaType ooxml : StrictOoxmlParser.TYPES) {
            byType.computeIfPresent(ooxml, (type, parser) -> new StrictOoxmlParser(parser));
        }
        this.parsers = Map.copyOf(byType);
    }

    /** The parser to use in place of {@code parser}: the same, with its choice by type fixed when composite. */
    static Parser of(Parser parser) {
        return parser instanceof CompositeParser composite ? new ParsersByType(composite) : parser;
    }

    @Override
    public Map<MediaType, Parser> getParsers(ParseContext context) {
        return parsers;
    }
}
