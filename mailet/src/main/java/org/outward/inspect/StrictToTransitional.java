package org.outward.inspect;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Writes a Strict OOXML package as a transitional one, so the parsers that read transitional packages read it.
 * The two differ on the wire in their namespaces and relationship types ({@code http://purl.oclc.org/ooxml/
 * spreadsheetml/main} for {@code http://schemas.openxmlformats.org/spreadsheetml/2006/main}, and so on), so each
 * strict name is replaced by its transitional one as the parts stream through; nothing is held whole in memory.
 * Values whose form differs between the two (some drawing measures) are left as they are: they carry no text.
 */
final class StrictToTransitional {

    private static final byte[] START = StrictOoxml.NAMESPACE_START.getBytes(StandardCharsets.US_ASCII);
    private static final String TRANSITIONAL_START = "http://schemas.openxmlformats.org/";
    /** Longer than any namespace or relationship type: past it, the text is not a name to translate. */
    private static final int MAX_NAME = 200;
    /** Strict names spelt differently in transitional, besides the added year. */
    private static final Map<String, String> SPELLINGS = Map.of(
            "extendedProperties", "extended-properties",
            "customProperties", "custom-properties");

    private StrictToTransitional() {
    }

    /** Writes the transitional form of the strict package {@code strict} to {@code transitional}. */
    static void write(Path strict, Path transitional) throws IOException {
        try (ZipFile zip = new ZipFile(strict.toFile());
             ZipOutputStream out = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(transitional)))) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                out.putNextEntry(new ZipEntry(entry.getName()));
                try (InputStream in = new BufferedInputStream(zip.getInputStream(entry))) {
                    if (isXml(entry.getName())) {
                        translate(in, out);
                    } else {
                        in.transferTo(out);
                    }
                }
                out.closeEntry();
            }
        }
    }

    private static boolean isXml(String name) {
        return name.endsWith(".xml") || name.endsWith(".rels") || name.endsWith(".vml");
    }

    /** Copies {@code in} to {@code out} with every strict name in it replaced by its transitional one. */
    static void translate(InputStream in, OutputStream out) throws IOException {
        int matched = 0;
        ByteArrayOutputStream name = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (matched < START.length) {
                if (b == START[matched]) {
                    matched++;
                    continue;
                }
                out.write(START, 0, matched);
                // The start's first letter occurs nowhere else in it, so a failed match can only restart here.
                matched = b == START[0] ? 1 : 0;
                if (matched == 0 && b >= 0) {
                    out.write(b);
                }
            } else if (b < 0 || ends(b) || name.size() > MAX_NAME) {
                out.write(transitional(name.toString(StandardCharsets.US_ASCII)).getBytes(StandardCharsets.US_ASCII));
                name.reset();
                matched = 0;
                if (b >= 0) {
                    out.write(b);
                }
            } else {
                name.write(b);
            }
            if (b < 0) {
                return;
            }
        }
    }

    private static boolean ends(int b) {
        return b == '"' || b == '\'' || b == '<' || b == '>' || b <= ' ';
    }

    /**
     * The transitional name for the strict one whose path (after {@link StrictOoxml#NAMESPACE_START}) is
     * {@code path}: {@code area/name[/rest]} becomes {@code area/2006/name[/rest]}, with the few names spelt
     * differently respelt.
     */
    static String transitional(String path) {
        String[] segments = path.split("/", -1);
        if (segments.length < 2 || path.length() > MAX_NAME) {
            return StrictOoxml.NAMESPACE_START + path;
        }
        StringBuilder name = new StringBuilder(TRANSITIONAL_START).append(segments[0]).append("/2006");
        for (int i = 1; i < segments.length; i++) {
            name.append('/').append(SPELLINGS.getOrDefault(segments[i], segments[i]));
        }
        return name.toString();
    }
}
