package org.outward.vault;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * The stored content format: a header (magic and a random 7-byte nonce prefix), then the plaintext in 64 KiB
 * segments, each sealed on its own with AES-256-GCM. A segment's nonce is the prefix, its index and a last-segment
 * flag, so segments cannot be reordered, dropped or cut off at the end without detection (the STREAM
 * construction). One GCM over the whole file would force the reader either to buffer the file or to release
 * unauthenticated plaintext; segments let the portal stream while releasing only authenticated bytes.
 */
final class SegmentFormat {

    static final byte[] MAGIC = {'O', 'W', 'V', '1'};
    static final int PREFIX_BYTES = 7;
    static final int HEADER_BYTES = MAGIC.length + PREFIX_BYTES;
    static final int SEGMENT_BYTES = 64 * 1024;
    static final int TAG_BYTES = 16;
    private static final int TAG_BITS = TAG_BYTES * 8;

    private SegmentFormat() {
    }

    static Cipher cipher(int mode, SecretKey key, byte[] prefix, int index, boolean last, byte[] associatedData)
            throws GeneralSecurityException {
        byte[] nonce = ByteBuffer.allocate(12).put(prefix).putInt(index).put((byte) (last ? 1 : 0)).array();
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(associatedData);
        return cipher;
    }
}
