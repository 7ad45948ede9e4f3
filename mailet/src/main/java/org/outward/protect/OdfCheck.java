package org.outward.protect;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;


import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * OpenDocument (LibreOffice) files: encrypted entries are listed in {@code META-INF/manifest.xml} with an
 * {@code encryption-data/algorithm} element naming the cipher. LibreOffice uses AES-256-CBC (ODF 1.2+) or
 * AES-256-GCM (ODF 1.4), and Blowfish CFB when saving as ODF 1.0/1.1.
 */
final class OdfCheck implements ProtectionCheck {

    @Override
    public String format() {
        return "ODF";
    }

    @Override
    public Set<String> mediaTypes() {
        return Set.of();
    }

    @Override
    public boolean accepts(String mediaType, FileHead head) {
        return mediaType.startsWith("application/vnd.oasis.opendocument.")
                || ((ProtectionCheck.isGeneric(mediaType) || mediaType.equals("application/zip")) && hasMagic(head));
    }

    /** ODF stores an uncompressed {@code mimetype} entry first, so its value sits at a fixed offset. */
    @Override
    public boolean hasMagic(FileHead head) {
        return head.startsWith('P', 'K', 3, 4) && head.matchesAt(30, FileHead.toInts("mimetypeapplication/vnd.oasis.opendocument."
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }

    @Override
    public Protection check(Path file, FileHead head) throws Exception {
        try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
            ZipArchiveEntry manifest = zip.getEntry(OdfManifest.PATH);
            if (manifest == null) {
                return Protection.unknown("ODF without a manifest");
            }
            if (manifest.getSize() > OdfManifest.MAX_BYTES) {
                return Protection.unknown("ODF manifest too large");
            }
            byte[] xml = OdfManifest.bytes(zip, manifest);
            if (xml.length > OdfManifest.MAX_BYTES) {
                return Protection.unknown("ODF manifest too large");
            }
            return judge(xml);
        }
    }

    private static Protection judge(byte[] xml) throws Exception {
        NodeList algorithms = OdfManifest.parse(xml).getElementsByTagNameNS(OdfManifest.NS, "algorithm");
        Set<String> ciphers = new LinkedHashSet<>();
        for (int i = 0; i < algorithms.getLength(); i++) {
            ciphers.add(((Element) algorithms.item(i)).getAttributeNS(OdfManifest.NS, "algorithm-name"));
        }
        if (ciphers.isEmpty()) {
            return Protection.none();
        }
        ProtectionLevel weakest = ProtectionLevel.STRONG;
        Set<String> names = new LinkedHashSet<>();
        for (String uri : ciphers) {
            Cipher cipher = Cipher.of(uri);
            names.add(cipher.name());
            if (Verdicts.weakness(cipher.level()) > Verdicts.weakness(weakest)) {
                weakest = cipher.level();
            }
        }
        return Protection.of(weakest, "ODF " + String.join(" + ", names));
    }

    /** The verdict of one entry encrypted the OpenDocument way, from its manifest's algorithm name. */
    static Protection.EntryProtection entry(String name, String algorithm) {
        Cipher cipher = Cipher.of(algorithm);
        return new Protection.EntryProtection(name, cipher.level(), "ODF " + cipher.name());
    }

    private record Cipher(String name, ProtectionLevel level) {
        static Cipher of(String uri) {
            return switch (uri) {
                case "http://www.w3.org/2001/04/xmlenc#aes256-cbc" -> new Cipher("AES-256-CBC", ProtectionLevel.STRONG);
                case "http://www.w3.org/2001/04/xmlenc#aes192-cbc" -> new Cipher("AES-192-CBC", ProtectionLevel.STRONG);
                case "http://www.w3.org/2001/04/xmlenc#aes128-cbc" -> new Cipher("AES-128-CBC", ProtectionLevel.STRONG);
                case "http://www.w3.org/2009/xmlenc11#aes256-gcm" -> new Cipher("AES-256-GCM", ProtectionLevel.STRONG);
                case "http://www.w3.org/2009/xmlenc11#aes192-gcm" -> new Cipher("AES-192-GCM", ProtectionLevel.STRONG);
                case "http://www.w3.org/2009/xmlenc11#aes128-gcm" -> new Cipher("AES-128-GCM", ProtectionLevel.STRONG);
                case "Blowfish CFB", "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0#blowfish" ->
                        new Cipher("Blowfish CFB", ProtectionLevel.WEAK);
                default -> new Cipher("unrecognised cipher", ProtectionLevel.UNKNOWN);
            };
        }
    }
}
