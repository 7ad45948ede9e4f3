package org.outward.protect.verify;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;


import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.outward.protect.OdfManifest;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * OpenDocument: {@code META-INF/manifest.xml} (at most 1 MB, no DTD) gives each encrypted entry's key
 * derivation, cipher and checksum; the check takes one entry of at least 1024 stored bytes, preferring those
 * that hold settings and metadata rather than the document's body, and reads only its first 1024 bytes.
 * AES-GCM entries (ODF 1.4's authenticated encryption) carry no checksum and give no check.
 */
final class OdfReader implements PasswordCheckReader {

    private static final String NS = OdfManifest.NS;
    /** Least sensitive first: the document body is used only when nothing else is large enough. */
    private static final List<String> PREFERRED = List.of("settings.xml", "manifest.rdf", "meta.xml", "styles.xml");

    @Override
    public String protectionFormat() {
        return "ODF";
    }

    @Override
    public Optional<PasswordCheck> read(Path file) throws Exception {
        try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
            ZipArchiveEntry manifest = zip.getEntry(OdfManifest.PATH);
            if (manifest == null) {
                return Optional.empty();
            }
            byte[] xml = OdfManifest.bytes(zip, manifest);
            if (xml.length > OdfManifest.MAX_BYTES) {
                return Optional.empty();
            }
            Element chosen = choose(OdfManifest.parse(xml).getElementsByTagNameNS(NS, "file-entry"), zip);
            if (chosen == null) {
                return Optional.empty();
            }
            ZipArchiveEntry entry = zip.getEntry(chosen.getAttributeNS(NS, "full-path"));
            byte[] sample;
            try (InputStream raw = zip.getRawInputStream(entry)) {
                sample = raw.readNBytes(OdfVerifier.SAMPLE_BYTES);
            }
            return Optional.of(PasswordCheck.of(CheckFormat.ODF, OdfVerifier.material(entry(chosen, sample))));
        }
    }

    /** The preferred encrypted, stored entry with at least a full sample of bytes, or null. */
    private static Element choose(NodeList entries, ZipFile zip) {
        Element best = null;
        int bestRank = Integer.MAX_VALUE;
        for (int i = 0; i < entries.getLength(); i++) {
            Element entry = (Element) entries.item(i);
            String path = entry.getAttributeNS(NS, "full-path");
            ZipArchiveEntry stored = zip.getEntry(path);
            if (child(entry, "encryption-data") == null || checksumSha256(entry) == null || stored == null
                    || stored.getMethod() != ZipArchiveEntry.STORED || stored.getCompressedSize() < OdfVerifier.SAMPLE_BYTES) {
                continue;
            }
            int rank = PREFERRED.contains(path) ? PREFERRED.indexOf(path) : PREFERRED.size();
            if (rank < bestRank) {
                best = entry;
                bestRank = rank;
            }
        }
        return best;
    }

    /** Whether the entry's checksum is SHA-256 (true), SHA-1 (false) or of a kind no check can use (null). */
    private static Boolean checksumSha256(Element entry) {
        Element data = child(entry, "encryption-data");
        Element algorithm = child(entry, "algorithm");
        if (data == null || algorithm == null || cipher(algorithm.getAttributeNS(NS, "algorithm-name")) == null) {
            return null;
        }
        return switch (data.getAttributeNS(NS, "checksum-type")) {
            case "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0#sha256-1k" -> true;
            case "SHA1/1K", "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0#sha1-1k" -> false;
            default -> null;
        };
    }

    /** True for AES-CBC, false for Blowfish CFB, null for anything else. */
    private static Boolean cipher(String uri) {
        return switch (uri) {
            case "http://www.w3.org/2001/04/xmlenc#aes256-cbc", "http://www.w3.org/2001/04/xmlenc#aes192-cbc",
                 "http://www.w3.org/2001/04/xmlenc#aes128-cbc" -> true;
            case "Blowfish CFB", "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0#blowfish" -> false;
            default -> null;
        };
    }

    private static OdfVerifier.Entry entry(Element entry, byte[] sample) {
        Element data = child(entry, "encryption-data");
        Element algorithm = child(entry, "algorithm");
        Element derivation = child(entry, "key-derivation");
        Element start = child(entry, "start-key-generation");
        if (derivation == null || !"PBKDF2".equals(derivation.getAttributeNS(NS, "key-derivation-name"))) {
            throw new MalformedCheckException("ODF key derivation other than PBKDF2");
        }
        boolean aes = cipher(algorithm.getAttributeNS(NS, "algorithm-name"));
        String keySize = derivation.getAttributeNS(NS, "key-size");
        boolean sha256Start = start != null && start.getAttributeNS(NS, "start-key-generation-name").endsWith("sha256");
        Base64.Decoder base64 = Base64.getMimeDecoder();
        long rounds = Long.parseLong(derivation.getAttributeNS(NS, "iteration-count"));
        if (rounds < 1 || rounds > Caps.MAX_PBKDF2_ROUNDS) {
            throw new MalformedCheckException("PBKDF2 rounds beyond the cap");
        }
        return new OdfVerifier.Entry(sha256Start, (int) rounds,
                base64.decode(derivation.getAttributeNS(NS, "salt")),
                keySize.isEmpty() ? 16 : Integer.parseInt(keySize), aes,
                base64.decode(algorithm.getAttributeNS(NS, "initialisation-vector")),
                checksumSha256(entry), base64.decode(data.getAttributeNS(NS, "checksum")), sample);
    }

    private static Element child(Element entry, String name) {
        NodeList found = entry.getElementsByTagNameNS(NS, name);
        return found.getLength() == 0 ? null : (Element) found.item(0);
    }
}
