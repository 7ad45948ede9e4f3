package org.outward.vault;

import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;

/** Encrypts into {@link SegmentFormat}. A full segment is sealed only when more data follows it. */
final class SealingOutputStream extends OutputStream {

    private final OutputStream out;
    private final SecretKey key;
    private final byte[] prefix;
    private final byte[] associatedData;
    private final byte[] buffer = new byte[SegmentFormat.SEGMENT_BYTES];
    private int filled;
    private int index;
    private long plaintextBytes;
    private boolean closed;

    SealingOutputStream(OutputStream out, SecretKey key, byte[] prefix, byte[] associatedData) throws IOException {
        this.out = out;
        this.key = key;
        this.prefix = prefix.clone();
        this.associatedData = associatedData.clone();
        out.write(SegmentFormat.MAGIC);
        out.write(prefix);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
        while (length > 0) {
            if (filled == buffer.length) {
                seal(false);
            }
            int take = Math.min(length, buffer.length - filled);
            System.arraycopy(data, offset, buffer, filled, take);
            filled += take;
            offset += take;
            length -= take;
            plaintextBytes += take;
        }
    }

    long plaintextBytes() {
        return plaintextBytes;
    }

    /** Seals the last segment; does not close the underlying stream, whose owner still has to sync it. */
    void finish() throws IOException {
        if (!closed) {
            seal(true);
            closed = true;
            java.util.Arrays.fill(buffer, (byte) 0);
        }
    }

    @Override
    public void close() throws IOException {
        finish();
    }

    private void seal(boolean last) throws IOException {
        try {
            Cipher cipher = SegmentFormat.cipher(Cipher.ENCRYPT_MODE, key, prefix, index++, last, associatedData);
            out.write(cipher.doFinal(buffer, 0, filled));
            filled = 0;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot seal a vault segment", e);
        }
    }
}
