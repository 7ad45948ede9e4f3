package org.outward.inspect;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import org.bouncycastle.cms.CMSCompressedDataParser;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.jcajce.ZlibExpanderProvider;

/**
 * CMS CompressedData (RFC 3274, {@code .p7z}; S/MIME's {@code smime-type=compressed-data}): compressed, not
 * encrypted, so what it holds is unpacked and read like any file. Tika names it by a magic that also matches other
 * CMS content ({@code timestamped-data}) or not at all, so it is recognised here by its content-type OID, and
 * unpacked as a stream with Bouncy Castle.
 */
final class CmsCompressed {

    /** The registered type of S/MIME compressed data. */
    static final String TYPE = "application/pkcs7-mime";

    /** DER of the OID 1.2.840.113549.1.9.16.1.9 (id-ct-compressedData). */
    private static final byte[] OID = {0x06, 0x0B, 0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D, 0x01,
            0x09, 0x10, 0x01, 0x09};

    /** A ContentInfo's type comes after its own header and at most a few length bytes. */
    private static final int WITHIN = 24;

    private CmsCompressed() {
    }

    /** Whether the file's head is a ContentInfo of compressed data, DER or BER. */
    static boolean is(byte[] head) {
        if (head.length == 0 || head[0] != 0x30) {
            return false;
        }
        for (int at = 1; at + OID.length <= Math.min(head.length, WITHIN + OID.length); at++) {
            if (Arrays.equals(head, at, at + OID.length, OID, 0, OID.length)) {
                return true;
            }
        }
        return false;
    }

    /** The uncompressed content, read as it is inflated. */
    static InputStream content(InputStream in) throws IOException {
        try {
            return new CMSCompressedDataParser(in).getContent(new ZlibExpanderProvider()).getContentStream();
        } catch (CMSException e) {
            throw new IOException("CMS compressed data: " + e.getClass().getSimpleName());
        }
    }
}
