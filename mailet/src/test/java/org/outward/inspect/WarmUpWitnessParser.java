package org.outward.inspect;

import java.util.Set;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.XHTMLContentHandler;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * A Tika parser for one test type, registered on the test class path only, that watches its own parser process
 * while it parses: for a while it looks at the process's warm-up thread and writes how often that thread was
 * alive, and how often it was itself parsing a sample, as the text {@code alive=N parsing=M}.
 */
public class WarmUpWitnessParser implements Parser {

    static final MediaType WITNESS = MediaType.application("x-outward-test-witness");

    @Override
    public Set<MediaType> getSupportedTypes(ParseContext context) {
        return Set.of(WITNESS);
    }

    @Override
    public void parse(java.io.InputStream stream, ContentHandler handler, Metadata metadata, ParseContext context)
            throws SAXException {
        int alive = 0;
        int parsing = 0;
        for (int look = 0; look < 40; look++) {
            for (var thread : Thread.getAllStackTraces().entrySet()) {
                if (thread.getKey().getName().equals("warm-up") && thread.getKey().isAlive()) {
                    alive++;
                    for (StackTraceElement frame : thread.getValue()) {
                        if (frame.getClassName().equals(WarmUp.class.getName()) && frame.getMethodName().equals("parse")) {
                            parsing++;
                            break;
                        }
                    }
                }
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        XHTMLContentHandler xhtml = new XHTMLContentHandler(handler, metadata);
        xhtml.startDocument();
        xhtml.element("p", "alive=" + alive + " parsing=" + parsing);
        xhtml.endDocument();
    }
}
