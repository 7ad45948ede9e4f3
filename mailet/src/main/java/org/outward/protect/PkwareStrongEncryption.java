package org.outward.protect;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * PKWARE's own strong encryption for zip (APPNOTE section 7, "SES"): the cipher is named by an algorithm id in the
 * strong-encryption extra field of the central directory and in the decryption header that follows each local
 * header, both readable without the key. With central-directory encryption the directory itself, entry names
 * included, is encrypted and the local headers are masked; only this header tells what the file is.
 */
public final class PkwareStrongEncryption {

    /** General-purpose flags: encrypted, strong encryption, local header values masked (directory encrypted). */
    private static final int ENCRYPTED = 0x0001;
    private static final int STRONG = 0x0040;
    private static final int MASKED = 0x2000;
    private static final int LOCAL_HEADER = 0x04034b50;

    private PkwareStrongEncryption() {
    }

    /**
     * What the first entry's local header says, when it is strongly encrypted.
     *
     * @param cipher                    the cipher as admins know it, e.g. {@code AES-256}
     * @param level                     strong for AES and Twofish, weak for the older ciphers
     * @param centralDirectoryEncrypted whether the entry list itself is encrypted
     */
    public record Header(String cipher, ProtectionLevel level, boolean centralDirectoryEncrypted) {
    }

    /** The strong-encryption header of the file's first entry, or empty when it is not strongly encrypted. */
    public static Optional<Header> firstEntry(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer local = read(channel, 0, 30);
            if (local == null || local.getInt(0) != LOCAL_HEADER) {
                return Optional.empty();
            }
            int flags = local.getShort(6) & 0xffff;
            if ((flags & ENCRYPTED) == 0 || (flags & STRONG) == 0) {
                return Optional.empty();
            }
            long header = 30L + (local.getShort(26) & 0xffff) + (local.getShort(28) & 0xffff);
            ByteBuffer ivSize = read(channel, header, 2);
            if (ivSize == null) {
                return Optional.empty();
            }
            // IVSize, IVData, Size (4), Format (2), AlgID (2), BitLen (2)
            ByteBuffer rest = read(channel, header + 2 + (ivSize.getShort(0) & 0xffff) + 6, 4);
            if (rest == null) {
                return Optional.empty();
            }
            return Optional.of(header(rest.getShort(0) & 0xffff, rest.getShort(2) & 0xffff, (flags & MASKED) != 0));
        }
    }

    /** The cipher of an algorithm id from the strong-encryption extra field (0x0017) or a decryption header. */
    static Header header(int algorithm, int bits, boolean centralDirectoryEncrypted) {
        return switch (algorithm) {
            case 0x660E -> new Header("AES-128", ProtectionLevel.STRONG, centralDirectoryEncrypted);
            case 0x660F -> new Header("AES-192", ProtectionLevel.STRONG, centralDirectoryEncrypted);
            case 0x6610 -> new Header("AES-256", ProtectionLevel.STRONG, centralDirectoryEncrypted);
            case 0x6721 -> new Header("Twofish", ProtectionLevel.STRONG, centralDirectoryEncrypted);
            case 0x6601 -> new Header("DES", ProtectionLevel.WEAK, centralDirectoryEncrypted);
            case 0x6603, 0x6609 -> new Header("3DES-" + (bits > 0 ? bits : 168), ProtectionLevel.WEAK, centralDirectoryEncrypted);
            case 0x6602, 0x6702 -> new Header("RC2", ProtectionLevel.WEAK, centralDirectoryEncrypted);
            case 0x6720 -> new Header("Blowfish", ProtectionLevel.WEAK, centralDirectoryEncrypted);
            case 0x6801 -> new Header("RC4", ProtectionLevel.WEAK, centralDirectoryEncrypted);
            default -> new Header("cipher 0x" + Integer.toHexString(algorithm), ProtectionLevel.UNKNOWN,
                    centralDirectoryEncrypted);
        };
    }

    private static ByteBuffer read(FileChannel channel, long offset, int length) throws IOException {
        if (offset < 0 || offset + length > channel.size()) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, offset + buffer.position()) < 0) {
                return null;
            }
        }
        return buffer.flip();
    }
}
