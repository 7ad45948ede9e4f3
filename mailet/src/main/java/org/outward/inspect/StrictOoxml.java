package org.outward.inspect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Tells a package saved as Strict Open XML (ISO 29500 Strict, Excel's "Strict Open XML Spreadsheet") from a
 * transitional one. Both carry the same content types, so type detection cannot tell them apart; the package's
 * own relationship to its main document names the strict namespace. Only the small {@code _rels/.rels} part is
 * read.
 */
final class StrictOoxml {

    /** Where strict namespaces start; transitional ones start {@code http://schemas.openxmlformats.org/}. */
    static final String NAMESPACE_START = "http://purl.oclc.org/ooxml/";

    private static final String STRICT_MAIN_DOCUMENT = NAMESPACE_START + "officeDocument/relationships/officeDocument";
    /** Far more than any package's own relationships take; a larger part is not one Office wrote. */
    private static final int MAX_RELATIONSHIPS_BYTES = 64 * 1024;

    private StrictOoxml() {
    }

    /** Whether {@code file} is an OOXML package whose main document is related in the strict namespace. */
    static boolean isStrict(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry rels = zip.getEntry("_rels/.rels");
            if (rels == null) {
                return false;
            }
            try (InputStream in = zip.getInputStream(rels)) {
                String text = new String(in.readNBytes(MAX_RELATIONSHIPS_BYTES), StandardCharsets.UTF_8);
                return text.contains(STRICT_MAIN_DOCUMENT);
            }
        } catch (IOException e) {
            // Not a zip this can read: the ordinary parser reports what is wrong with it.
            return false;
        }
    }
}
