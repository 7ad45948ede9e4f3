package org.outward.protect.verify;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Optional;

/**
 * 7z: the signature header says where the archive's header is; when that header is encoded (kEncodedHeader)
 * through AES-256 (alone, or over LZMA or LZMA2), its streams info (pack position and size, the folder's coders, the
 * sizes and the CRC) is read here and the packed header, at most {@link SevenZipVerifier#MAX_PACKED_BYTES},
 * is taken from its place in the file. Archives whose names are readable (the header in the clear) give no
 * check: testing a password there would mean unpacking file data.
 */
final class SevenZipReader implements PasswordCheckReader {

    private static final int SIGNATURE_HEADER_BYTES = 32;
    private static final int MAX_ENCODED_HEADER_BYTES = 4096;
    private static final byte[] AES = {0x06, (byte) 0xF1, 0x07, 0x01};
    private static final byte[] LZMA = {0x03, 0x01, 0x01};
    private static final byte[] LZMA2 = {0x21};

    @Override
    public String protectionFormat() {
        return "7z";
    }

    @Override
    public Optional<PasswordCheck> read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer start = ZipReader.readAt(channel, 0, SIGNATURE_HEADER_BYTES);
            long offset = start.getLong(12);
            long size = start.getLong(20);
            if (offset < 0 || size < 1 || size > MAX_ENCODED_HEADER_BYTES) {
                return Optional.empty();
            }
            ByteBuffer header = ZipReader.readAt(channel, SIGNATURE_HEADER_BYTES + offset, (int) size);
            if ((header.get() & 0xff) != 0x17) {
                return Optional.empty();
            }
            return encoded(new Header(header)).map(kept -> {
                try {
                    return PasswordCheck.of(CheckFormat.SEVEN_ZIP, SevenZipVerifier.material(kept.withPacked(channel)));
                } catch (IOException e) {
                    throw new MalformedCheckException("7z packed header unreadable");
                }
            });
        }
    }

    /** What the streams info of an encoded header says, before the packed bytes are read. */
    private record Encoded(long packPosition, int packSize, byte[] aesProperties, int method, byte[] methodProperties,
                           int decryptedSize, int headerSize, long crc) {

        SevenZipVerifier.Kept withPacked(FileChannel channel) throws IOException {
            byte[] packed = new byte[packSize];
            ZipReader.readAt(channel, SIGNATURE_HEADER_BYTES + packPosition, packSize).get(packed);
            int first = aesProperties[0] & 0xff;
            byte[] salt = new byte[0];
            byte[] iv = new byte[0];
            if ((first & 0xC0) != 0) {
                int second = aesProperties[1] & 0xff;
                int saltBytes = ((first >> 7) & 1) + (second >> 4);
                int ivBytes = ((first >> 6) & 1) + (second & 0x0F);
                if (2 + saltBytes + ivBytes > aesProperties.length) {
                    throw new IOException("7z AES properties too short");
                }
                salt = Arrays.copyOfRange(aesProperties, 2, 2 + saltBytes);
                iv = Arrays.copyOfRange(aesProperties, 2 + saltBytes, 2 + saltBytes + ivBytes);
            }
            return new SevenZipVerifier.Kept(first & 0x3F, salt, iv, packed, decryptedSize, method, methodProperties,
                    headerSize, crc);
        }
    }

    /** Streams info of one folder of AES (over LZMA/LZMA2 or alone), with one pack stream and a CRC; else empty. */
    private static Optional<Encoded> encoded(Header in) throws IOException {
        in.expect(0x06);
        long packPosition = in.number();
        if (in.number() != 1) {
            return Optional.empty();
        }
        in.expect(0x09);
        long packSize = in.number();
        for (int id = in.u8(); id != 0x00; id = in.u8()) {
            if (id != 0x0A) {
                return Optional.empty();
            }
            in.digests();
        }
        in.expect(0x07);
        in.expect(0x0B);
        if (in.number() != 1 || in.u8() != 0) {
            return Optional.empty();
        }
        int coders = (int) in.number();
        if (coders < 1 || coders > 2) {
            return Optional.empty();
        }
        byte[][] ids = new byte[coders][];
        byte[][] properties = new byte[coders][];
        for (int coder = 0; coder < coders; coder++) {
            int flags = in.u8();
            if ((flags & 0x10) != 0) {
                return Optional.empty();
            }
            ids[coder] = in.bytes(flags & 0x0F);
            properties[coder] = (flags & 0x20) == 0 ? new byte[0] : in.bytes((int) Math.min(in.number(), 64));
        }
        int aes = Arrays.equals(ids[0], AES) ? 0 : coders == 2 && Arrays.equals(ids[1], AES) ? 1 : -1;
        if (aes < 0) {
            return Optional.empty();
        }
        int unpacker = coders == 1 ? aes : 1 - aes;
        int method = coders == 1 ? SevenZipVerifier.COPY
                : Arrays.equals(ids[unpacker], LZMA) ? SevenZipVerifier.LZMA
                : Arrays.equals(ids[unpacker], LZMA2) ? SevenZipVerifier.LZMA2 : -1;
        // With two coders, the bind pair makes the unpacker's input the AES coder's output.
        if (method < 0 || coders == 2 && (in.number() != unpacker || in.number() != aes)) {
            return Optional.empty();
        }
        in.expect(0x0C);
        long[] sizes = coders == 1 ? new long[] {in.number()} : new long[] {in.number(), in.number()};
        in.expect(0x0A);
        if (in.u8() != 1) {
            return Optional.empty();
        }
        long crc = in.u32();
        if (packSize > SevenZipVerifier.MAX_PACKED_BYTES || sizes[aes] > packSize
                || sizes[unpacker] > SevenZipVerifier.MAX_HEADER_BYTES || packPosition < 0) {
            return Optional.empty();
        }
        byte[] unpackerProperties = coders == 1 ? new byte[0] : properties[unpacker];
        return Optional.of(new Encoded(packPosition, (int) packSize, properties[aes], method, unpackerProperties,
                (int) sizes[aes], (int) sizes[unpacker], crc));
    }

    /** 7z's header fields: bytes, ids and its variable-length numbers, never past the header's end. */
    private static final class Header {
        private final ByteBuffer in;

        Header(ByteBuffer in) {
            this.in = in.order(ByteOrder.LITTLE_ENDIAN);
        }

        int u8() throws IOException {
            if (!in.hasRemaining()) {
                throw new IOException("7z header ended early");
            }
            return in.get() & 0xff;
        }

        long u32() throws IOException {
            long value = 0;
            for (int i = 0; i < 4; i++) {
                value |= (long) u8() << (8 * i);
            }
            return value;
        }

        byte[] bytes(int count) throws IOException {
            if (count < 0 || count > in.remaining()) {
                throw new IOException("7z header ended early");
            }
            byte[] value = new byte[count];
            in.get(value);
            return value;
        }

        void expect(int id) throws IOException {
            if (u8() != id) {
                throw new IOException("unexpected 7z header property");
            }
        }

        /** A 7z number: the first byte's leading one bits say how many more bytes follow. */
        long number() throws IOException {
            int first = u8();
            int mask = 0x80;
            long value = 0;
            for (int i = 0; i < 8; i++) {
                if ((first & mask) == 0) {
                    long high = first & (mask - 1);
                    return value | (high << (8 * i));
                }
                value |= (long) u8() << (8 * i);
                mask >>>= 1;
            }
            return value;
        }

        /** Skips a digests record for one stream. */
        void digests() throws IOException {
            int allDefined = u8();
            if (allDefined == 0) {
                if ((u8() & 0x80) == 0) {
                    return;
                }
            }
            u32();
        }
    }
}
