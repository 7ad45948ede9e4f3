package org.outward.protect.verify;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipExtraField;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.archivers.zip.ZipShort;

/**
 * ZIP: the central directory (commons-compress) lists the encrypted entries; each one's local header then
 * gives where its data starts, and only the first bytes there are read: the WinZip AES salt and verification
 * value, or the ZipCrypto 12-byte header. AES entries are preferred when an archive mixes both.
 */
final class ZipReader implements PasswordCheckReader {

    private static final ZipShort WINZIP_AES = new ZipShort(0x9901);
    private static final int WINZIP_AES_METHOD = 99;
    private static final int LOCAL_HEADER_BYTES = 30;
    /** Entries looked at before giving up on finding encrypted ones. */
    private static final int MAX_ENTRIES_SEEN = 10_000;

    @Override
    public String protectionFormat() {
        return "ZIP";
    }

    @Override
    public Optional<PasswordCheck> read(Path file) throws IOException {
        List<ZipAesVerifier.Entry> aes = new ArrayList<>();
        List<ZipCryptoVerifier.Entry> crypto = new ArrayList<>();
        try (ZipFile zip = ZipFile.builder().setPath(file).get();
             FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            Enumeration<ZipArchiveEntry> all = zip.getEntriesInPhysicalOrder();
            for (int seen = 0; all.hasMoreElements() && seen < MAX_ENTRIES_SEEN && aes.size() < ZipAesVerifier.MAX_ENTRIES; seen++) {
                ZipArchiveEntry entry = all.nextElement();
                if (!entry.getGeneralPurposeBit().usesEncryption() || entry.getGeneralPurposeBit().usesStrongEncryption()) {
                    continue;
                }
                ByteBuffer local = readAt(channel, entry.getLocalHeaderOffset(), LOCAL_HEADER_BYTES);
                if (local.getInt(0) != 0x04034b50) {
                    continue;
                }
                long data = entry.getLocalHeaderOffset() + LOCAL_HEADER_BYTES
                        + (local.getShort(26) & 0xffff) + (local.getShort(28) & 0xffff);
                if (entry.getMethod() == WINZIP_AES_METHOD) {
                    int strength = strength(entry);
                    if (strength >= 1 && strength <= 3) {
                        int saltBytes = 4 + 4 * strength;
                        ByteBuffer start = readAt(channel, data, saltBytes + 2);
                        byte[] salt = new byte[saltBytes];
                        byte[] verification = new byte[2];
                        start.get(salt).get(verification);
                        aes.add(new ZipAesVerifier.Entry(strength, salt, verification));
                    }
                } else if (crypto.size() < ZipCryptoVerifier.MAX_ENTRIES) {
                    byte[] header = new byte[ZipCryptoVerifier.HEADER_BYTES];
                    readAt(channel, data, header.length).get(header);
                    // With a data descriptor the CRC is not known when the header is written, so the time stands in.
                    boolean descriptor = (local.getShort(6) & 0x0008) != 0;
                    int check = descriptor ? (local.getShort(10) & 0xffff) >>> 8 : (int) (entry.getCrc() >>> 24);
                    crypto.add(new ZipCryptoVerifier.Entry(header, check));
                }
            }
        }
        if (!aes.isEmpty()) {
            return Optional.of(PasswordCheck.of(CheckFormat.ZIP_AES, ZipAesVerifier.material(aes)));
        }
        if (!crypto.isEmpty()) {
            return Optional.of(PasswordCheck.of(CheckFormat.ZIP_CRYPTO, ZipCryptoVerifier.material(crypto)));
        }
        return Optional.empty();
    }

    private static int strength(ZipArchiveEntry entry) {
        ZipExtraField field = entry.getExtraField(WINZIP_AES);
        byte[] data = field == null ? new byte[0] : field.getCentralDirectoryData();
        return data.length >= 5 ? data[4] & 0xff : 0;
    }

    /** Exactly {@code length} bytes at {@code offset}, or an exception if the file ends first. */
    static ByteBuffer readAt(FileChannel channel, long offset, int length) throws IOException {
        if (offset < 0 || offset + length > channel.size()) {
            throw new IOException("beyond the end of the file");
        }
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, offset + buffer.position()) < 0) {
                throw new IOException("file ended early");
            }
        }
        return buffer.flip();
    }
}
