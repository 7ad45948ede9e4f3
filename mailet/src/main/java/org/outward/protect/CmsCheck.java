package org.outward.protect;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.AuthEnvelopedData;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.EncryptedData;
import org.bouncycastle.asn1.cms.EnvelopedData;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

/**
 * CMS / PKCS #7 (the body of an S/MIME {@code .p7m}), DER or PEM, read with BouncyCastle's ASN.1 classes:
 * EnvelopedData, AuthEnvelopedData and EncryptedData are encrypted, judged by their content cipher;
 * SignedData alone is signed, and CompressedData ({@code .p7z}) only compressed: neither is encrypted.
 */
final class CmsCheck implements ProtectionCheck {

    /** The DER encoding of the PKCS #7 content-type arc 1.2.840.113549.1.7, found near the start of a ContentInfo. */
    private static final int[] PKCS7_ARC = {0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x07};
    /**
     * The DER encoding of the S/MIME content-type arc 1.2.840.113549.1.9.16.1 (id-ct) without its last arc:
     * AuthEnvelopedData, CompressedData and the later CMS content types are registered under it.
     */
    private static final int[] SMIME_CONTENT_TYPE_ARC = {0x06, 0x0B, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x09,
            0x10, 0x01};
    private static final int MAX_PEM_BYTES = 64 * 1024 * 1024;

    private record Cipher(String name, ProtectionLevel level) {
    }

    private static final Map<ASN1ObjectIdentifier, Cipher> CIPHERS = Map.ofEntries(
            Map.entry(NISTObjectIdentifiers.id_aes128_CBC, new Cipher("AES-128-CBC", ProtectionLevel.STRONG)),
            Map.entry(NISTObjectIdentifiers.id_aes192_CBC, new Cipher("AES-192-CBC", ProtectionLevel.STRONG)),
            Map.entry(NISTObjectIdentifiers.id_aes256_CBC, new Cipher("AES-256-CBC", ProtectionLevel.STRONG)),
            Map.entry(NISTObjectIdentifiers.id_aes128_GCM, new Cipher("AES-128-GCM", ProtectionLevel.STRONG)),
            Map.entry(NISTObjectIdentifiers.id_aes192_GCM, new Cipher("AES-192-GCM", ProtectionLevel.STRONG)),
            Map.entry(NISTObjectIdentifiers.id_aes256_GCM, new Cipher("AES-256-GCM", ProtectionLevel.STRONG)),
            Map.entry(NISTObjectIdentifiers.id_aes128_CCM, new Cipher("AES-128-CCM", ProtectionLevel.STRONG)),
            Map.entry(NISTObjectIdentifiers.id_aes256_CCM, new Cipher("AES-256-CCM", ProtectionLevel.STRONG)),
            // 64-bit-block and short-key ciphers still found in old S/MIME clients
            Map.entry(PKCSObjectIdentifiers.des_EDE3_CBC, new Cipher("3DES-CBC", ProtectionLevel.WEAK)),
            Map.entry(PKCSObjectIdentifiers.RC2_CBC, new Cipher("RC2-CBC", ProtectionLevel.WEAK)),
            Map.entry(OIWObjectIdentifiers.desCBC, new Cipher("DES-CBC", ProtectionLevel.WEAK)));

    @Override
    public String format() {
        return "CMS";
    }

    @Override
    public Set<String> mediaTypes() {
        return Set.of("application/pkcs7-mime", "application/x-pkcs7-mime", "application/pkcs7-signature",
                "application/x-pkcs7-signature", "application/pkcs7");
    }

    @Override
    public boolean accepts(String mediaType, FileHead head) {
        return mediaTypes().contains(mediaType) || hasPem(head)
                || (ProtectionCheck.isGeneric(mediaType) && hasMagic(head));
    }

    @Override
    public boolean hasMagic(FileHead head) {
        return head.startsWith(0x30) && (head.contains(24, PKCS7_ARC) || head.contains(24, SMIME_CONTENT_TYPE_ARC));
    }

    private static boolean hasPem(FileHead head) {
        return head.startsWithText("-----BEGIN PKCS7-----") || head.startsWithText("-----BEGIN CMS-----");
    }

    @Override
    public Protection check(Path file, FileHead head) throws Exception {
        byte[] der;
        if (hasPem(head)) {
            if (head.size() > MAX_PEM_BYTES) {
                return Protection.unknown("CMS PEM too large");
            }
            try (PemReader pem = new PemReader(Files.newBufferedReader(file, StandardCharsets.US_ASCII))) {
                PemObject object = pem.readPemObject();
                if (object == null) {
                    return Protection.unknown("CMS PEM without content");
                }
                der = object.getContent();
            }
            try (ASN1InputStream asn1 = new ASN1InputStream(der)) {
                return judge(asn1.readObject());
            }
        }
        // The size limit keeps a lying length field from making the parser allocate beyond the file.
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file));
             ASN1InputStream asn1 = new ASN1InputStream(in, (int) Math.min(head.size(), Integer.MAX_VALUE))) {
            return judge(asn1.readObject());
        }
    }

    private static Protection judge(ASN1Primitive object) {
        if (object == null) {
            return Protection.unknown("empty CMS data");
        }
        ContentInfo info = ContentInfo.getInstance(object);
        ASN1ObjectIdentifier type = info.getContentType();
        if (CMSObjectIdentifiers.envelopedData.equals(type)) {
            return encrypted("CMS EnvelopedData", EnvelopedData.getInstance(info.getContent())
                    .getEncryptedContentInfo().getContentEncryptionAlgorithm().getAlgorithm());
        }
        if (CMSObjectIdentifiers.authEnvelopedData.equals(type)) {
            return encrypted("CMS AuthEnvelopedData", AuthEnvelopedData.getInstance(info.getContent())
                    .getAuthEncryptedContentInfo().getContentEncryptionAlgorithm().getAlgorithm());
        }
        if (CMSObjectIdentifiers.encryptedData.equals(type)) {
            return encrypted("CMS EncryptedData", EncryptedData.getInstance(info.getContent())
                    .getEncryptedContentInfo().getContentEncryptionAlgorithm().getAlgorithm());
        }
        if (CMSObjectIdentifiers.signedData.equals(type)) {
            return Protection.of(ProtectionLevel.NONE, "CMS SignedData (signed, not encrypted)");
        }
        if (CMSObjectIdentifiers.compressedData.equals(type)) {
            return Protection.of(ProtectionLevel.NONE, "CMS CompressedData (compressed, not encrypted)");
        }
        if (CMSObjectIdentifiers.data.equals(type)) {
            return Protection.of(ProtectionLevel.NONE, "CMS Data, not encrypted");
        }
        return Protection.unknown("CMS content type " + type.getId());
    }

    private static Protection encrypted(String structure, ASN1ObjectIdentifier algorithm) {
        Cipher cipher = CIPHERS.get(algorithm);
        if (cipher == null) {
            return Protection.unknown(structure + " with cipher " + algorithm.getId());
        }
        return Protection.of(cipher.level(), structure + " " + cipher.name());
    }
}
