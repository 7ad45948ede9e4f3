package org.outward.inspect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the data fork of an AppleSingle file lies (RFC 1740: a header, an entry table, the entries): a Mac mail
 * program sends a document in this envelope under the document's own name, so the name is judged against the
 * data fork's type, not the envelope's.
 */
final class AppleSingle {

    private static final int MAGIC = 0x00051600;
    private static final int DATA_FORK = 1;
    private static final int HEADER = 4 + 4 + 16 + 2;
    private static final int ENTRY = 12;
    /** Real files carry a handful of entries; a table claiming more is not read. */
    private static final int MAX_ENTRIES = 64;

    /** The data fork's offset and length. */
    record Fork(long offset, long length) {
    }

    private AppleSingle() {
    }

    static Optional<Fork> dataFork(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            ByteBuffer header = ByteBuffer.wrap(in.readNBytes(HEADER));
            if (header.remaining() < HEADER || header.getInt(0) != MAGIC) {
                return Optional.empty();
            }
            int entries = Short.toUnsignedInt(header.getShort(HEADER - 2));
            ByteBuffer table = ByteBuffer.wrap(in.readNBytes(Math.min(entries, MAX_ENTRIES) * ENTRY));
            long size = Files.size(file);
            while (table.remaining() >= ENTRY) {
                int id = table.getInt();
                long offset = Integer.toUnsignedLong(table.getInt());
                long length = Integer.toUnsignedLong(table.getInt());
                if (id == DATA_FORK && offset + length <= size) {
                    return Optional.of(new Fork(offset, length));
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
