package org.outward.protect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Set;

import org.apache.poi.poifs.crypt.CipherAlgorithm;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.util.LittleEndian;

/**
 * OLE2 compound files: encrypted OOXML (an OLE2 wrapper holding {@code EncryptionInfo} and
 * {@code EncryptedPackage}, [MS-OFFCRYPTO]) and the legacy Word, Excel and PowerPoint 97-2003 formats with
 * RC4, CryptoAPI RC4 or XOR obfuscation. POI reads the container and the OOXML encryption header; the legacy
 * formats keep their encryption flag in their own first records, which POI only exposes by trying to
 * decrypt, so those few fields are read here.
 */
final class Ole2Check implements ProtectionCheck {

    private static final int[] MAGIC = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};

    @Override
    public String format() {
        return "OLE2";
    }

    @Override
    public Set<String> mediaTypes() {
        return Set.of("application/x-tika-ooxml-protected", "application/x-tika-msoffice", "application/msword",
                "application/vnd.ms-excel", "application/vnd.ms-powerpoint", "application/x-tika-ole-drm-encrypted");
    }

    @Override
    public boolean hasMagic(FileHead head) {
        return head.startsWith(MAGIC);
    }

    @Override
    public Protection check(Path file, FileHead head) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntry(EncryptionInfo.ENCRYPTION_INFO_ENTRY)) {
                return ooxml(new EncryptionInfo(fs));
            }
            if (root.hasEntry("WordDocument")) {
                return word(root);
            }
            if (root.hasEntry("Workbook") || root.hasEntry("Book")) {
                return excel(root, root.hasEntry("Workbook") ? "Workbook" : "Book");
            }
            if (root.hasEntry("PowerPoint Document") && root.hasEntry("Current User")) {
                return powerPoint(root);
            }
            return Protection.none();
        }
    }

    private static Protection ooxml(EncryptionInfo info) {
        EncryptionMode mode = info.getEncryptionMode();
        CipherAlgorithm cipher = info.getHeader().getCipherAlgorithm();
        int keyBits = info.getHeader().getKeySize();
        String modeName = switch (mode) {
            case agile -> "Agile";
            case standard -> "Standard";
            case cryptoAPI -> "CryptoAPI";
            case binaryRC4 -> "RC4";
            default -> mode.name();
        };
        boolean aes = cipher != null && cipher.jceId.equals("AES");
        String cipherName = aes ? "AES-" + keyBits
                : (cipher == null ? "unknown cipher" : cipher.jceId + "-" + keyBits);
        return Protection.of(aes ? ProtectionLevel.STRONG : ProtectionLevel.WEAK, "OOXML " + modeName + " " + cipherName);
    }

    /** Word 97-2003: the FIB's fEncrypted and fObfuscated flags, then the header in the table stream. */
    private static Protection word(DirectoryNode root) throws IOException {
        byte[] fib = readPrefix(root, "WordDocument", 32);
        if (fib.length < 32) {
            return Protection.unknown("truncated Word FIB");
        }
        int flags = LittleEndian.getUShort(fib, 0x0A);
        boolean encrypted = (flags & 0x0100) != 0;
        boolean obfuscated = (flags & 0x8000) != 0;
        if (!encrypted) {
            return Protection.none();
        }
        if (obfuscated) {
            return Protection.of(ProtectionLevel.WEAK, "Word 97-2003 XOR obfuscation");
        }
        String table = (flags & 0x0200) != 0 ? "1Table" : "0Table";
        return Protection.of(ProtectionLevel.WEAK, "Word 97-2003 " + rc4Kind(readPrefix(root, table, 4), 0));
    }

    /** Excel 97-2003: a FILEPASS record among the workbook globals, before their EOF record. */
    private static Protection excel(DirectoryNode root, String stream) throws IOException {
        try (InputStream in = root.createDocumentInputStream(stream)) {
            for (int record = 0; record < 4096; record++) {
                byte[] header = in.readNBytes(4);
                if (header.length < 4) {
                    return Protection.unknown("truncated Excel workbook stream");
                }
                int type = LittleEndian.getUShort(header, 0);
                int length = LittleEndian.getUShort(header, 2);
                if (type == 0x002F) { // FILEPASS
                    byte[] body = in.readNBytes(Math.min(length, 6));
                    if (body.length < 2) {
                        return Protection.unknown("truncated Excel FILEPASS record");
                    }
                    if (stream.equals("Book") || LittleEndian.getUShort(body, 0) == 0) {
                        return Protection.of(ProtectionLevel.WEAK, "Excel 97-2003 XOR obfuscation");
                    }
                    return Protection.of(ProtectionLevel.WEAK, "Excel 97-2003 " + rc4Kind(body, 2));
                }
                if (type == 0x000A && record > 0) { // EOF of the globals: no FILEPASS
                    return Protection.none();
                }
                if (in.skip(length) < length) {
                    return Protection.unknown("truncated Excel workbook stream");
                }
            }
            return Protection.unknown("Excel workbook globals too long");
        }
    }

    /** PowerPoint 97-2003: the CurrentUserAtom's header token marks an encrypted document (always CryptoAPI RC4). */
    private static Protection powerPoint(DirectoryNode root) throws IOException {
        byte[] atom = readPrefix(root, "Current User", 16);
        if (atom.length < 16) {
            return Protection.unknown("truncated PowerPoint Current User stream");
        }
        long token = LittleEndian.getUInt(atom, 12);
        if (token == 0xF3D1C4DFL) {
            return Protection.of(ProtectionLevel.WEAK, "PowerPoint 97-2003 CryptoAPI RC4");
        }
        return Protection.none();
    }

    /** The [MS-OFFCRYPTO] version pair: 1.1 is plain RC4, 2.2, 3.2 and 4.2 are RC4 through CryptoAPI. */
    private static String rc4Kind(byte[] bytes, int offset) {
        if (bytes.length < offset + 4) {
            return "encryption (truncated header)";
        }
        int major = LittleEndian.getUShort(bytes, offset);
        int minor = LittleEndian.getUShort(bytes, offset + 2);
        if (major == 1 && minor == 1) {
            return "RC4";
        }
        if (minor == 2 && major >= 2 && major <= 4) {
            return "CryptoAPI RC4";
        }
        return "encryption version " + major + "." + minor;
    }

    private static byte[] readPrefix(DirectoryNode root, String name, int length) throws IOException {
        if (!root.hasEntry(name)) {
            return new byte[0];
        }
        try (InputStream in = root.createDocumentInputStream(name)) {
            return in.readNBytes(length);
        }
    }
}
