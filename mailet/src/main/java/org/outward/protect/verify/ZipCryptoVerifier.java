package org.outward.protect.verify;

import java.util.List;

/**
 * Traditional PKWARE encryption (ZipCrypto): each entry starts with a 12-byte encrypted header whose last
 * byte, decrypted, must equal a check byte (the CRC's high byte, or the modification time's high byte when
 * sizes follow in a data descriptor). One byte per entry: a check keeps up to {@link #MAX_ENTRIES} entries,
 * each adding 8 bits of certainty.
 */
final class ZipCryptoVerifier extends EveryEntryVerifier<ZipCryptoVerifier.Entry> {

    static final int MAX_ENTRIES = 8;
    static final int HEADER_BYTES = 12;
    private static final int[] CRC_TABLE = crcTable();

    /** One entry's encrypted header and the byte its last decrypted byte must equal. */
    record Entry(byte[] header, int checkByte) {
    }

    private ZipCryptoVerifier(List<Entry> entries) {
        super(entries, 8);
    }

    static byte[] material(List<Entry> entries) {
        return material(entries, (out, entry) -> out.bytes(entry.header()).u8(entry.checkByte()));
    }

    static Verifier parse(byte[] material) {
        return new ZipCryptoVerifier(entries(material, MAX_ENTRIES,
                in -> new Entry(in.bytes(HEADER_BYTES, HEADER_BYTES, "header"), in.u8())));
    }

    @Override
    boolean agrees(Entry entry, byte[] password) {
        Keys keys = new Keys();
        for (byte b : password) {
            keys.update(b & 0xff);
        }
        int plain = 0;
        for (byte b : entry.header()) {
            plain = (b & 0xff) ^ keys.streamByte();
            keys.update(plain);
        }
        return plain == entry.checkByte();
    }

    /** The cipher's three 32-bit keys (APPNOTE 6.1). */
    private static final class Keys {
        private int key0 = 0x12345678;
        private int key1 = 0x23456789;
        private int key2 = 0x34567890;

        void update(int plain) {
            key0 = crc(key0, plain);
            key1 = key1 + (key0 & 0xff);
            key1 = key1 * 134775813 + 1;
            key2 = crc(key2, key1 >>> 24);
        }

        int streamByte() {
            int temp = (key2 | 2) & 0xffff;
            return ((temp * (temp ^ 1)) >>> 8) & 0xff;
        }

        private static int crc(int crc, int b) {
            return (crc >>> 8) ^ CRC_TABLE[(crc ^ b) & 0xff];
        }
    }

    private static int[] crcTable() {
        int[] table = new int[256];
        for (int n = 0; n < 256; n++) {
            int c = n;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1;
            }
            table[n] = c;
        }
        return table;
    }
}
