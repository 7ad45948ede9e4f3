package org.outward.protect.verify;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.zip.CRC32;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.tukaani.xz.LZMA2InputStream;
import org.tukaani.xz.LZMAInputStream;

/**
 * 7z with encrypted file names ({@code -mhe=on}): the archive's header is itself packed, AES-256-CBC over LZMA,
 * LZMA2 or nothing, with the CRC of the unpacked header beside it. A check keeps the AES coder's salt, IV and round
 * count, the packed header (a few hundred bytes for a few files, capped), the LZMA properties, the sizes and the
 * CRC; a candidate opens the file when the header it decrypts and unpacks has that CRC (32 bits).
 *
 * <p>The key is SHA-256 over 2^n repetitions of salt, UTF-16LE password and a counter, as 7-Zip derives it;
 * commons-compress, which reads 7z here, keeps its derivation to itself, so the few lines are written here.
 * Round counts above 2^{@link #MAX_CYCLES_POWER} (7-Zip writes 2^19) are refused.
 */
final class SevenZipVerifier implements Verifier {

    static final int MAX_CYCLES_POWER = 20;
    static final int MAX_PACKED_BYTES = 12 * 1024;
    static final int MAX_HEADER_BYTES = 1 << 20;
    /** The header is stored as it is, encrypted but not compressed (7-Zip does this for tiny headers). */
    static final int COPY = 0;
    static final int LZMA = 1;
    static final int LZMA2 = 2;

    /** What the check keeps of the encoded header. */
    record Kept(int cyclesPower, byte[] salt, byte[] iv, byte[] packed, int decryptedSize, int method,
                byte[] methodProperties, int headerSize, long crc) {
    }

    private final Kept kept;

    private SevenZipVerifier(Kept kept) {
        this.kept = kept;
    }

    static byte[] material(Kept k) {
        return new Fields.Writer().u8(k.cyclesPower()).bytes(k.salt()).bytes(k.iv()).bytes(k.packed())
                .u32(k.decryptedSize()).u8(k.method()).bytes(k.methodProperties()).u32(k.headerSize()).u32(k.crc())
                .done();
    }

    static Verifier parse(byte[] material) {
        Fields.Reader in = new Fields.Reader(material);
        int cyclesPower = in.u8();
        byte[] salt = in.bytes(0, 16, "salt");
        byte[] iv = in.bytes(0, 16, "IV");
        byte[] packed = in.bytes(16, MAX_PACKED_BYTES, "packed header");
        int decryptedSize = in.u32(1, packed.length, "decrypted size");
        int method = in.u8();
        byte[] properties = in.bytes(0, 5, "coder properties");
        int headerSize = in.u32(1, MAX_HEADER_BYTES, "header size");
        long crc = in.u32();
        in.end();
        if (cyclesPower > MAX_CYCLES_POWER) {
            throw new MalformedCheckException("7z key rounds beyond the cap");
        }
        boolean coder = switch (method) {
            case COPY -> properties.length == 0 && headerSize <= decryptedSize;
            case LZMA -> properties.length == 5;
            case LZMA2 -> properties.length == 1;
            default -> false;
        };
        if (packed.length % 16 != 0 || !coder) {
            throw new MalformedCheckException("7z header coders not kept");
        }
        return new SevenZipVerifier(new Kept(cyclesPower, salt, iv, packed, decryptedSize, method, properties, headerSize, crc));
    }

    @Override
    public boolean opens(String candidate) throws Exception {
        Cipher aes = Cipher.getInstance("AES/CBC/NoPadding");
        aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key(candidate), "AES"),
                new IvParameterSpec(Arrays.copyOf(kept.iv(), 16)));
        byte[] decrypted = aes.doFinal(kept.packed());
        InputStream packed = new ByteArrayInputStream(decrypted, 0, kept.decryptedSize());
        byte[] header;
        try (InputStream unpacked = unpacker(packed)) {
            header = unpacked.readNBytes(kept.headerSize());
        }
        CRC32 crc = new CRC32();
        crc.update(header);
        return header.length == kept.headerSize() && crc.getValue() == kept.crc();
    }

    private InputStream unpacker(InputStream packed) throws Exception {
        byte[] p = kept.methodProperties();
        // The dictionary never needs to be larger than what it unpacks: a claimed 1.5 GB one costs no memory.
        int bound = Math.max(4096, kept.headerSize());
        if (kept.method() == COPY) {
            return packed;
        }
        if (kept.method() == LZMA) {
            int claimed = (p[1] & 0xff) | (p[2] & 0xff) << 8 | (p[3] & 0xff) << 16 | (p[4] & 0xff) << 24;
            int dictionary = claimed < 0 ? bound : Math.min(claimed, bound);
            return new LZMAInputStream(packed, kept.headerSize(), p[0], dictionary);
        }
        return new LZMA2InputStream(packed, Math.max(LZMA2InputStream.DICT_SIZE_MIN, bound));
    }

    private byte[] key(String candidate) throws Exception {
        byte[] password = candidate.getBytes(StandardCharsets.UTF_16LE);
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        byte[] counter = new byte[8];
        for (long round = 0; round < 1L << kept.cyclesPower(); round++) {
            sha256.update(kept.salt());
            sha256.update(password);
            sha256.update(counter);
            for (int i = 0; i < counter.length && ++counter[i] == 0; i++) {
                // carry into the next byte of the little-endian counter
            }
        }
        return sha256.digest();
    }

    @Override
    public int bits() {
        return 32;
    }
}
