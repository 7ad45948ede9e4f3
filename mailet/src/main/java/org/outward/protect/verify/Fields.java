package org.outward.protect.verify;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * The few typed fields a format's check keeps, written one after another and read back strictly: every byte
 * string has a bounded length, and anything left over or missing is a {@link MalformedCheckException}. Used
 * both for a check's material and for its outer encoding, so a stored value from an untrusted store is parsed
 * with the same limits it was made with.
 */
final class Fields {

    private Fields() {
    }

    /** Builds material. */
    static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Writer u8(int value) {
            out.write(value & 0xff);
            return this;
        }

        Writer u32(long value) {
            for (int shift = 24; shift >= 0; shift -= 8) {
                out.write((int) (value >>> shift) & 0xff);
            }
            return this;
        }

        Writer bytes(byte[] value) {
            u32(value.length);
            out.write(value, 0, value.length);
            return this;
        }

        Writer text(String value) {
            return bytes(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        byte[] done() {
            return out.toByteArray();
        }
    }

    /** Reads material back, refusing anything outside the bounds the caller names. */
    static final class Reader {
        private final ByteBuffer in;

        Reader(byte[] material) {
            this.in = ByteBuffer.wrap(material);
        }

        int u8() {
            need(1);
            return in.get() & 0xff;
        }

        long u32() {
            need(4);
            return in.getInt() & 0xffffffffL;
        }

        /** A whole number within {@code [min, max]}. */
        int u32(long min, long max, String what) {
            long value = u32();
            if (value < min || value > max) {
                throw new MalformedCheckException(what + " out of range");
            }
            return (int) value;
        }

        byte[] bytes(int min, int max, String what) {
            int length = u32(min, max, what + " length");
            need(length);
            byte[] value = new byte[length];
            in.get(value);
            return value;
        }

        String text(int max, String what) {
            return new String(bytes(0, max, what), java.nio.charset.StandardCharsets.UTF_8);
        }

        /** A count of kept entries, from one to {@code max}. */
        int count(int max) {
            int count = u8();
            if (count < 1 || count > max) {
                throw new MalformedCheckException("entry count out of range");
            }
            return count;
        }

        void end() {
            if (in.hasRemaining()) {
                throw new MalformedCheckException("trailing bytes");
            }
        }

        private void need(int count) {
            if (in.remaining() < count) {
                throw new MalformedCheckException("truncated");
            }
        }
    }
}
