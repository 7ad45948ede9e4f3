package org.outward.inspect;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Copies a stream to a file, stopping at a byte bound, so that no part is ever held in memory whole.
 */
final class Spool {

    private Spool() {
    }

    /** What was copied. */
    record Result(long bytes, boolean cut, boolean broken) {
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
