package org.outward.protect;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

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
        return parse(xml, true);
    }

    /**
     * The entries the manifest lists with an encryption algorithm, by path, each with the algorithm's name. Read
     * without regard to namespaces, by local name: LibreOffice's Basic library containers use the
     * {@code manifest:} prefix without declaring it.
     */
    public static Map<String, String> encryptedEntries(byte[] xml) throws Exception {
        Map<String, String> encrypted = new LinkedHashMap<>();
        NodeList entries = parse(xml, false).getElementsByTagName("*");
        for (int i = 0; i < entries.getLength(); i++) {
            Element entry = (Element) entries.item(i);
            if (!localName(entry.getTagName()).equals("file-entry")) {
                continue;
            }
            NodeList inside = entry.getElementsByTagName("*");
            for (int j = 0; j < inside.getLength(); j++) {
                Element algorithm = (Element) inside.item(j);
                if (localName(algorithm.getTagName()).equals("algorithm")) {
                    encrypted.put(attribute(entry, "full-path"), attribute(algorithm, "algorithm-name"));
                }
            }
        }
        return encrypted;
    }

    private static String attribute(Element element, String localName) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            if (localName(attributes.item(i).getNodeName()).equals(localName)) {
                return attributes.item(i).getNodeValue();
            }
        }
        return "";
    }

    private static String localName(String qualified) {
        return qualified.substring(qualified.indexOf(':') + 1);
    }

    private static Document parse(byte[] xml, boolean namespaces) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(namespaces);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        // A manifest never needs a DTD; refusing one shuts out entity expansion and external fetches.
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setExpandEntityReferences(false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(null);
        return builder.parse(new ByteArrayInputStream(xml));
    }
}
