package org.outward.protect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The first bytes of a file and its size: enough for a check to recognise its format by magic when the
 * detected media type is too generic to go by. Never printed: {@link #toString()} gives the size only.
 *
 * @param bytes the first {@link #LENGTH} bytes (fewer if the file is shorter)
 * @param size  the file's size in bytes
 */
public record FileHead(byte[] bytes, long size) {

    /** How many leading bytes are kept: room for zip's first local header and a PDF or armour header line. */
    public static final int LENGTH = 1024;

    public static FileHead read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new FileHead(in.readNBytes(LENGTH), Files.size(file));
        }
    }

    /** The head of content held in memory. */
    public static FileHead of(byte[] content) {
        return new FileHead(java.util.Arrays.copyOf(content, Math.min(LENGTH, content.length)), content.length);
    }

    public boolean startsWith(int... magic) {
        return matchesAt(0, magic);
    }

    public boolean matchesAt(int offset, int... magic) {
        if (offset < 0 || bytes.length < offset + magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((bytes[offset + i] & 0xff) != (magic[i] & 0xff)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the head, read as ASCII after any leading white space, starts with this text. */
    public boolean startsWithText(String text) {
        int start = 0;
        while (start < bytes.length && (bytes[start] == ' ' || bytes[start] == '\r' || bytes[start] == '\n'
                || bytes[start] == '\t')) {
            start++;
        }
        byte[] wanted = text.getBytes(StandardCharsets.US_ASCII);
        return matchesAt(start, toInts(wanted));
    }

    /** Whether this byte sequence occurs within the first {@code within} bytes. */
    public boolean contains(int within, int... needle) {
        int last = Math.min(within, bytes.length) - needle.length;
        for (int i = 0; i <= last; i++) {
            if (matchesAt(i, needle)) {
                return true;
            }
        }
        return false;
    }

    static int[] toInts(byte[] b) {
        int[] out = new int[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = b[i] & 0xff;
        }
        return out;
    }

    @Override
    public String toString() {
        return "FileHead[size=" + size + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FileHead h && h.size == size && java.util.Arrays.equals(h.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(size) * 31 + java.util.Arrays.hashCode(bytes);
    }
}
