package org.outward.protect;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * RAR archives, read from the block headers as RARLAB's format descriptions define them; no library here
 * exposes the encryption flags without trying to extract (junrar refuses encrypted archives, and only reads
 * RAR 4). Only header fields are read; block data is skipped by its declared size.
 *
 * <ul>
 *   <li>RAR 5: an archive encryption header (type 4) right after the signature means headers and names are
 *       encrypted; otherwise each file header (type 2) with a file encryption extra record (type 1) is
 *       AES-256.</li>
 *   <li>RAR 4 (1.5-4.x): the main header flag 0x0080 means encrypted headers; a file header flag 0x0004 means
 *       an encrypted file, AES-128 when the version needed to extract is 2.9 or later, RAR's own older cipher
 *       before that.</li>
 * </ul>
 */
final class RarCheck implements ProtectionCheck {

    private static final int[] RAR4 = {'R', 'a', 'r', '!', 0x1A, 0x07, 0x00};
    private static final int[] RAR5 = {'R', 'a', 'r', '!', 0x1A, 0x07, 0x01, 0x00};
    private static final int MAX_BLOCKS = 100_000;
    private static final int MAX_HEADER_BYTES = 2 * 1024 * 1024;

    @Override
    public String format() {
        return "RAR";
    }

    @Override
    public Set<String> mediaTypes() {
        return Set.of("application/x-rar-compressed", "application/vnd.rar", "application/x-rar");
    }

    @Override
    public boolean hasMagic(FileHead head) {
        return head.startsWith(RAR4) || head.startsWith(RAR5);
    }

    @Override
    public Protection check(Path file, FileHead head) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (head.startsWith(RAR5)) {
                return rar5(channel);
            }
            if (head.startsWith(RAR4)) {
                return rar4(channel);
            }
            return Protection.unknown("not a RAR signature");
        }
    }

    private static Protection rar5(FileChannel channel) throws IOException {
        List<Protection.EntryProtection> entries = new ArrayList<>();
        long position = RAR5.length;
        for (int block = 0; block < MAX_BLOCKS && position < channel.size(); block++) {
            // CRC32 (4), then the header size as a vint, which counts the bytes after itself.
            VintReader start = new VintReader(read(channel, position + 4, 3));
            long headerSize = start.next();
            long headerStart = position + 4 + start.position();
            if (headerSize <= 0 || headerSize > MAX_HEADER_BYTES) {
                return Protection.unknown("implausible RAR5 header size");
            }
            VintReader header = new VintReader(read(channel, headerStart, (int) headerSize));
            long type = header.next();
            long flags = header.next();
            long extraSize = (flags & 0x0001) != 0 ? header.next() : 0;
            long dataSize = (flags & 0x0002) != 0 ? header.next() : 0;
            if (type == 4) {
                return Protection.of(ProtectionLevel.STRONG, "RAR5 AES-256", "file names are encrypted too");
            }
            if (type == 2) {
                entries.add(rar5File(header, headerSize, extraSize));
            }
            if (type == 5) {
                break; // end of archive
            }
            if (dataSize < 0) {
                return Protection.unknown("implausible RAR5 data size");
            }
            position = headerStart + headerSize + dataSize;
        }
        return archive("RAR", entries);
    }

    private static Protection.EntryProtection rar5File(VintReader header, long headerSize, long extraSize) {
        long fileFlags = header.next();
        header.next(); // unpacked size
        header.next(); // attributes
        if ((fileFlags & 0x0002) != 0) {
            header.skip(4); // modification time
        }
        if ((fileFlags & 0x0004) != 0) {
            header.skip(4); // CRC32 of the data
        }
        header.next(); // compression information
        header.next(); // host OS
        int nameLength = (int) header.next();
        String name = header.text(nameLength);
        boolean directory = (fileFlags & 0x0001) != 0;
        // The extra area is the last extraSize bytes of the header: records of size, type, data.
        header.seek((int) (headerSize - extraSize));
        boolean encrypted = false;
        while (header.position() < headerSize) {
            long recordSize = header.next();
            if (recordSize <= 0 || recordSize > headerSize) {
                throw new IllegalStateException("implausible RAR5 extra record size");
            }
            int recordStart = header.position();
            long recordType = header.next();
            encrypted |= recordType == 0x01;
            header.seek((int) (recordStart + recordSize));
        }
        if (directory) {
            return new Protection.EntryProtection(name + "/", ProtectionLevel.NONE, "directory");
        }
        return encrypted
                ? new Protection.EntryProtection(name, ProtectionLevel.STRONG, "RAR5 AES-256")
                : new Protection.EntryProtection(name, ProtectionLevel.NONE, "none");
    }

    private static Protection rar4(FileChannel channel) throws IOException {
        List<Protection.EntryProtection> entries = new ArrayList<>();
        long position = RAR4.length;
        for (int block = 0; block < MAX_BLOCKS && position + 7 <= channel.size(); block++) {
            ByteBuffer base = read(channel, position, 7).order(ByteOrder.LITTLE_ENDIAN);
            int type = base.get(2) & 0xff;
            int flags = base.getShort(3) & 0xffff;
            int headerSize = base.getShort(5) & 0xffff;
            if (headerSize < 7) {
                return Protection.unknown("implausible RAR4 header size");
            }
            ByteBuffer header = read(channel, position, headerSize).order(ByteOrder.LITTLE_ENDIAN);
            long addSize = (flags & 0x8000) != 0 && headerSize >= 11 ? header.getInt(7) & 0xffffffffL : 0;
            if (type == 0x73 && (flags & 0x0080) != 0) {
                return Protection.of(ProtectionLevel.STRONG, "RAR4 AES-128", "file names are encrypted too");
            }
            if (type == 0x74) {
                entries.add(rar4File(header, flags, headerSize));
                addSize = header.getInt(7) & 0xffffffffL; // PACK_SIZE is always present in a file header
                if ((flags & 0x0100) != 0 && headerSize >= 36) {
                    addSize |= (header.getInt(32) & 0xffffffffL) << 32; // HIGH_PACK_SIZE
                }
            }
            if (type == 0x7B) {
                break; // end of archive
            }
            position += headerSize + addSize;
        }
        return archive("RAR", entries);
    }

    private static Protection.EntryProtection rar4File(ByteBuffer header, int flags, int headerSize) throws EOFException {
        if (headerSize < 32) {
            throw new EOFException("RAR4 file header too short");
        }
        int version = header.get(24) & 0xff;
        int nameSize = header.getShort(26) & 0xffff;
        int nameOffset = (flags & 0x0100) != 0 ? 40 : 32;
        if (nameOffset + nameSize > headerSize) {
            throw new EOFException("RAR4 file name outside its header");
        }
        byte[] raw = new byte[nameSize];
        header.get(nameOffset, raw);
        // Unicode names are stored after a zero byte following the legacy name; the legacy part is enough here.
        int end = 0;
        while (end < raw.length && raw[end] != 0) {
            end++;
        }
        String name = new String(raw, 0, end, StandardCharsets.ISO_8859_1);
        if ((flags & 0x00E0) == 0x00E0) {
            return new Protection.EntryProtection(name + "/", ProtectionLevel.NONE, "directory");
        }
        if ((flags & 0x0004) == 0) {
            return new Protection.EntryProtection(name, ProtectionLevel.NONE, "none");
        }
        return version >= 29
                ? new Protection.EntryProtection(name, ProtectionLevel.STRONG, "RAR4 AES-128")
                : new Protection.EntryProtection(name, ProtectionLevel.WEAK, "RAR 2.x cipher");
    }

    private static Protection archive(String format, List<Protection.EntryProtection> all) {
        List<Protection.EntryProtection> files = all.stream().filter(e -> !e.scheme().equals("directory")).toList();
        boolean anyEncrypted = files.stream().anyMatch(e -> e.level() != ProtectionLevel.NONE);
        return Verdicts.combine(format, files, anyEncrypted ? List.of("file names are not encrypted") : List.of());
    }

    private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        if (position < 0 || position >= channel.size()) {
            throw new EOFException("RAR block beyond the end of the file");
        }
        int available = (int) Math.min(length, channel.size() - position);
        ByteBuffer buffer = ByteBuffer.allocate(available);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new EOFException("truncated RAR block");
            }
        }
        return buffer.flip();
    }

    /** Reads RAR 5's variable-length integers (7 bits a byte, low first) and raw fields from one header. */
    private static final class VintReader {
        private final ByteBuffer bytes;

        VintReader(ByteBuffer bytes) {
            this.bytes = bytes;
        }

        long next() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (!bytes.hasRemaining()) {
                    throw new IllegalStateException("truncated RAR5 number");
                }
                int b = bytes.get() & 0xff;
                value |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new IllegalStateException("overlong RAR5 number");
        }

        void skip(int n) {
            seek(bytes.position() + n);
        }

        void seek(int to) {
            if (to < 0 || to > bytes.limit()) {
                throw new IllegalStateException("RAR5 field outside its header");
            }
            bytes.position(to);
        }

        String text(int length) {
            if (length < 0 || length > bytes.remaining()) {
                throw new IllegalStateException("RAR5 name outside its header");
            }
            byte[] raw = new byte[length];
            bytes.get(raw);
            return new String(raw, StandardCharsets.UTF_8);
        }

        int position() {
            return bytes.position();
        }
    }
}
