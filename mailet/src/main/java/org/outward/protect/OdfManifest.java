package org.outward.protect;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.w3c.dom.Document;

/**
 * An OpenDocument file's {@code META-INF/manifest.xml}, read within a size cap and parsed without a DTD, for
 * the protection check (which ciphers) and the password check reader (which key derivation and checksum).
 */
public final class OdfManifest {

    public static final String NS = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0";
    public static final String PATH = "META-INF/manifest.xml";
    /** Real manifests are a few kilobytes. */
    public static final int MAX_BYTES = 1 << 20;

    private OdfManifest() {
    }

    /** The manifest's bytes, one more than {@link #MAX_BYTES} at most, so a caller can tell it was too large. */
    public static byte[] bytes(ZipFile zip, ZipArchiveEntry manifest) throws IOException {
        try (InputStream in = zip.getInputStream(manifest)) {
            return in.readNBytes(MAX_BYTES + 1);
        }
    }

    public static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        // A manifest never needs a DTD; refusing one shuts out entity expansion and external fetches.
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setExpandEntityReferences(false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(null);
        return builder.parse(new ByteArrayInputStream(xml));
    }
}
