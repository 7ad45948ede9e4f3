package org.outward.inspect;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The end of a zip-based file (a zip, an Office or OpenDocument file): the end-of-central-directory record every
 * writer puts last, after at most a 64 KiB comment. Without it the file was cut, and lenient readers (POI, reading
 * the entries' own headers one after another) quietly return what came before the cut; what was cut off may hold
 * anything. The record also counts the entries, which tells when a reader skipped some it could not make sense of.
 */
final class ZipEnd {

    private static final int RECORD = 22;
    private static final int MAX_COMMENT = 0xFFFF;
    private static final int SIGNATURE = 0x06054b50;
    private static final int ZIP64_MARKER = 0xFFFF;

    /** @param entries the entries the central directory holds, by the record; -1 if it defers to Zip64 */
    private record End(int entries) {
    }

    private ZipEnd() {
    }

    static boolean present(Path file) {
        return find(file).isPresent();
    }

    /** How many entries the end record counts; empty without an end record or for Zip64 (counted elsewhere). */
    static OptionalInt entries(Path file) {
        return find(file).filter(end -> end.entries() >= 0).map(end -> OptionalInt.of(end.entries()))
                .orElse(OptionalInt.empty());
    }

    private static Optional<End> find(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            int tail = (int) Math.min(size, RECORD + MAX_COMMENT);
            ByteBuffer buffer = ByteBuffer.allocate(tail).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(buffer, size - tail);
            for (int at = tail - RECORD; at >= 0; at--) {
                if (buffer.getInt(at) == SIGNATURE
                        && at + RECORD + Short.toUnsignedInt(buffer.getShort(at + RECORD - 2)) <= tail) {
                    int total = Short.toUnsignedInt(buffer.getShort(at + 10));
                    return Optional.of(new End(total == ZIP64_MARKER ? -1 : total));
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
