package org.outward.inspect;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Copies a stream to a file, stopping at a byte bound, so that no large part is ever held in memory whole; a
 * small part may first be held in memory ({@link #hold}) and only go to a file if it must.
 */
final class Spool {

    private Spool() {
    }

    /** What was copied. */
    record Result(long bytes, boolean cut, boolean broken) {
    }

    /**
     * The first bytes of a stream, held in memory.
     *
     * @param ended   whether the stream ended within the bytes held
     * @param failure the read error that ended the stream early (bad base64, a decoder giving up), or null
     */
    record Held(byte[] bytes, boolean ended, Exception failure) {

        /** Whether the whole stream is here, read without error. */
        boolean whole() {
            return ended && failure == null;
        }

        /**
         * What the stream gave from its start: the bytes held, then the rest of {@code stream} (or the read error
         * again), so that {@link #copy} of it spools and marks the part exactly as it would have the stream.
         */
        InputStream replay(InputStream stream) {
            InputStream rest = failure == null ? stream : new InputStream() {
                @Override
                public int read() throws IOException {
                    throw new IOException("the part could not be read past " + bytes.length + " bytes", failure);
                }
            };
            return new SequenceInputStream(new ByteArrayInputStream(bytes), rest);
        }
    }

    /** Reads up to {@code max + 1} bytes into memory, so that a stream of at most {@code max} bytes is held whole. */
    static Held hold(InputStream in, int max) {
        ByteArrayOutputStream held = new ByteArrayOutputStream(Math.min(max + 1, 8 * 1024));
        byte[] buffer = new byte[8 * 1024];
        while (held.size() <= max) {
            int n;
            try {
                n = in.read(buffer, 0, Math.min(buffer.length, max + 1 - held.size()));
            } catch (IOException | RuntimeException e) {
                return new Held(held.toByteArray(), false, e);
            }
            if (n < 0) {
                return new Held(held.toByteArray(), true, null);
            }
            held.write(buffer, 0, n);
        }
        return new Held(held.toByteArray(), false, null);
    }

    /**
     * Copies at most {@code max} bytes. A read error (bad base64 the decoder gives up on, a truncated archive)
     * ends the copy and keeps what came before, marked broken.
     */
    static Result copy(InputStream in, Path target, long max) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        boolean broken = false;
        try (OutputStream out = Files.newOutputStream(target)) {
            while (true) {
                int n;
                try {
                    n = in.read(buffer, 0, (int) Math.min(buffer.length, max + 1 - total));
                } catch (IOException | RuntimeException e) {
                    broken = true;
                    break;
                }
                if (n < 0) {
                    break;
                }
                if (total + n > max) {
                    out.write(buffer, 0, (int) (max - total));
                    return new Result(max, true, false);
                }
                out.write(buffer, 0, n);
                total += n;
            }
        }
        return new Result(total, false, broken);
    }
}
