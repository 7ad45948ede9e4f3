package org.outward.inspect;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes a minimal winmail.dat by the TNEF specification ([MS-OXTNEF] 2.1.3): signature, key, then attributes
 * (level, id, length, data, checksum). It is not made by Outlook; it is the smallest stream the format allows
 * with one attachment, which is what POI's HMEF (and so Tika) reads.
 */
final class Tnef {

    private static final int SIGNATURE = 0x223E9F78;
    private static final int ATT_TNEF_VERSION = 0x00089006;
    private static final int ATT_ATTACH_REND_DATA = 0x00069002;
    private static final int ATT_ATTACH_TITLE = 0x00018010;
    private static final int ATT_ATTACH_DATA = 0x0006800F;
    private static final int ATT_OEM_CODEPAGE = 0x00069007;

    private Tnef() {
    }

    static byte[] withAttachment(String fileName, byte[] content) {
        return withAttachment(fileName, content, 1252, StandardCharsets.ISO_8859_1);
    }

    /**
     * One attachment whose title is written in the given code page, as Outlook writes it for a sender whose
     * Windows uses that code page, and announced as the stream's OEM code page (attOemCodepage).
     */
    static byte[] withAttachment(String fileName, byte[] content, int codePage, java.nio.charset.Charset charset) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(le(4).putInt(SIGNATURE).array());
        out.writeBytes(le(2).putShort((short) 0x0001).array());
        attribute(out, 1, ATT_TNEF_VERSION, le(4).putInt(0x00010000).array());
        attribute(out, 1, ATT_OEM_CODEPAGE, le(8).putInt(codePage).putInt(0).array());
        attribute(out, 2, ATT_ATTACH_REND_DATA, new byte[14]);
        byte[] title = (fileName + "\0").getBytes(charset);
        attribute(out, 2, ATT_ATTACH_TITLE, title);
        attribute(out, 2, ATT_ATTACH_DATA, content);
        return out.toByteArray();
    }

    private static void attribute(ByteArrayOutputStream out, int level, int id, byte[] data) {
        out.write(level);
        out.writeBytes(le(4).putInt(id).array());
        out.writeBytes(le(4).putInt(data.length).array());
        out.writeBytes(data);
        int sum = 0;
        for (byte b : data) {
            sum = (sum + (b & 0xff)) & 0xffff;
        }
        out.writeBytes(le(2).putShort((short) sum).array());
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
