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
 * Reads OOXML workbooks, documents and presentations, Strict ones too. Tika's OOXML parser stops at a Strict OOXML
 * package (POI's readers refuse it, POI bug 57699), so an ordinary file saved as "Strict Open XML" would be held
 * as not inspected and a list of people in one would go unread. A strict package ({@link StrictOoxml}) is
 * written as a transitional copy beside it ({@link StrictToTransitional}) and that copy is read by the same
 * parser, within the same parse and so the same time and memory bounds; any other package goes to that parser
 * untouched.
 */
final class StrictOoxmlParser extends ParserDecorator {

    private static final long serialVersionUID = 1L;

    /** The types whose packages may be strict: Excel's, Word's and PowerPoint's, with macros and templates. */
    static final Set<MediaType> TYPES = Set.of(
            MediaType.application("vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            MediaType.application("vnd.openxmlformats-officedocument.spreadsheetml.template"),
            MediaType.application("vnd.ms-excel.sheet.macroenabled.12"),
            MediaType.application("vnd.ms-excel.template.macroenabled.12"),
            MediaType.application("vnd.openxmlformats-officedocument.wordprocessingml.document"),
            MediaType.application("vnd.openxmlformats-officedocument.wordprocessingml.template"),
            MediaType.application("vnd.ms-word.document.macroenabled.12"),
            MediaType.application("vnd.ms-word.template.macroenabled.12"),
            MediaType.application("vnd.openxmlformats-officedocument.presentationml.presentation"),
            MediaType.application("vnd.openxmlformats-officedocument.presentationml.template"),
            MediaType.application("vnd.openxmlformats-officedocument.presentationml.slideshow"),
            MediaType.application("vnd.ms-powerpoint.presentation.macroenabled.12"),
            MediaType.application("vnd.ms-powerpoint.slideshow.macroenabled.12"),
            MediaType.application("vnd.ms-powerpoint.template.macroenabled.12"));

    StrictOoxmlParser(Parser ooxml) {
        super(ooxml);
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
        Path transitional = Files.createTempFile(file.getParent(), "transitional-", ".zip");
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
