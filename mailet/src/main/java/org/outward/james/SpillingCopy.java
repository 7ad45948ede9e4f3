package org.outward.james;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A copy of one message for the engine: in memory while it stays under a bound, so ordinary mail never touches
 * the disk, and in a temp file once it passes the bound, so a large message does not sit on the heap whole.
 * Closing the copy deletes the temp file, if there is one.
 */
final class SpillingCopy extends OutputStream {

    private final int memoryBytes;
    private ByteArrayOutputStream memory = new ByteArrayOutputStream(8 * 1024);
    private Path file;
    private OutputStream fileOut;

    /** @param memoryBytes how many bytes are kept in memory before the copy moves to a temp file */
    SpillingCopy(int memoryBytes) {
        this.memoryBytes = memoryBytes;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (fileOut == null && memory.size() + (long) len > memoryBytes) {
            file = Files.createTempFile("outward-", ".eml");
            fileOut = Files.newOutputStream(file);
            memory.writeTo(fileOut);
            memory = null;
        }
        if (fileOut != null) {
            fileOut.write(b, off, len);
        } else {
            memory.write(b, off, len);
        }
    }

    /** The message, when it stayed in memory; else null and {@link #file()} holds it. */
    byte[] bytes() {
        return memory == null ? null : memory.toByteArray();
    }

    /** The temp file the message spilled to, or null. Complete once the copy is closed. */
    Path file() {
        return file;
    }

    /** Ends the writing; the copy stays readable until {@link #delete()}. */
    @Override
    public void close() throws IOException {
        if (fileOut != null) {
            fileOut.close();
        }
    }

    void delete() throws IOException {
        close();
        if (file != null) {
            Files.deleteIfExists(file);
        }
    }
}
