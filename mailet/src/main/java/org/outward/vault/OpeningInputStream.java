package org.outward.vault;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.security.GeneralSecurityException;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;

/**
 * Decrypts {@link SegmentFormat}, releasing a segment only after its tag is verified, and asks every
 * {@value #CHECK_EVERY} segments (1 MiB) whether the item was revoked meanwhile: a revoked item's download fails
 * within a mebibyte, whichever node it streams from. Asking per segment would add a store lookup per 64 KiB.
 */
final class OpeningInputStream extends InputStream {

    static final int CHECK_EVERY = 16;

    private final PushbackInputStream in;
    private final SecretKey key;
    private final byte[] associatedData;
    private final Revocation revocation;
    private final byte[] prefix = new byte[SegmentFormat.PREFIX_BYTES];
    private byte[] plain = new byte[0];
    private int position;
    private int index;
    private boolean lastSeen;

    OpeningInputStream(InputStream in, SecretKey key, byte[] associatedData, Revocation revocation) throws IOException {
        this.in = new PushbackInputStream(in, 1);
        this.key = key;
        this.associatedData = associatedData.clone();
        this.revocation = revocation;
        byte[] magic = this.in.readNBytes(SegmentFormat.MAGIC.length);
        if (!Arrays.equals(magic, SegmentFormat.MAGIC) || this.in.readNBytes(prefix, 0, prefix.length) != prefix.length) {
            throw new IOException("not a vault item");
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (position == plain.length) {
            if (lastSeen) {
                return -1;
            }
            openNext();
        }
        int take = Math.min(length, plain.length - position);
        System.arraycopy(plain, position, target, offset, take);
        position += take;
        return take;
    }

    private void openNext() throws IOException {
        if (index > 0 && index % CHECK_EVERY == 0 && revocation.revoked()) {
            in.close();
            throw new IOException("the item was revoked during the download");
        }
        byte[] sealed = in.readNBytes(SegmentFormat.SEGMENT_BYTES + SegmentFormat.TAG_BYTES);
        int next = in.read();
        boolean last = next == -1;
        if (!last) {
            in.unread(next);
        }
        if (sealed.length < SegmentFormat.TAG_BYTES) {
            throw new IOException("vault item is truncated");
        }
        try {
            Cipher cipher = SegmentFormat.cipher(Cipher.DECRYPT_MODE, key, prefix, index++, last, associatedData);
            plain = cipher.doFinal(sealed);
            position = 0;
            lastSeen = last;
        } catch (GeneralSecurityException e) {
            throw new IOException("vault item failed its integrity check");
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
