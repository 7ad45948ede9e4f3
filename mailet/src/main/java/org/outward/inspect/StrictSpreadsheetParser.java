package org.outward.inspect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.apache.tika.exception.TikaException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ParserDecorator;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Reads OOXML workbooks, Strict ones too. Tika's workbook parser stops at a Strict OOXML workbook (POI's reader
 * refuses it, POI bug 57699), so an ordinary workbook saved as "Strict Open XML Spreadsheet" would be held as not
 * inspected and a list of people in one would go unread. A strict workbook ({@link StrictOoxml}) is written as
 * a transitional copy beside it ({@link StrictToTransitional}) and that copy is read by the same parser, within
 * the same parse and so the same time and memory bounds; any other workbook goes to that parser untouched.
 */
final class StrictSpreadsheetParser extends ParserDecorator {

    private static final long serialVersionUID = 1L;

    /** The workbook types whose packages may be strict. */
    static final Set<MediaType> TYPES = Set.of(
            MediaType.application("vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            MediaType.application("vnd.openxmlformats-officedocument.spreadsheetml.template"),
            MediaType.application("vnd.ms-excel.sheet.macroenabled.12"),
            MediaType.application("vnd.ms-excel.template.macroenabled.12"));

    StrictSpreadsheetParser(Parser workbooks) {
        super(workbooks);
    }

    @Override
    public Set<MediaType> getSupportedTypes(ParseContext context) {
        return TYPES;
    }

    @Override
    public void parse(InputStream stream, ContentHandler handler, Metadata metadata, ParseContext context)
            throws IOException, SAXException, TikaException {
        TikaInputStream tika = TikaInputStream.get(stream);
        Path file = tika.getPath();
        if (!StrictOoxml.isStrict(file)) {
            getWrappedParser().parse(tika, handler, metadata, context);
            return;
        }
        Path transitional = Files.createTempFile(file.getParent(), "transitional-", ".xlsx");
        try {
            StrictToTransitional.write(file, transitional);
            try (TikaInputStream copy = TikaInputStream.get(transitional)) {
                getWrappedParser().parse(copy, handler, metadata, context);
            }
        } finally {
            Files.deleteIfExists(transitional);
        }
    }
}
