package org.outward.protect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Locale;
import java.util.Set;

import org.apache.poi.poifs.crypt.CipherAlgorithm;
import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.DocumentEntry;
import org.apache.poi.poifs.filesystem.DocumentInputStream;
import org.apache.poi.poifs.filesystem.Entry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.util.LittleEndian;
import org.apache.poi.util.LittleEndianByteArrayInputStream;

/**
 * OLE2 compound files: encrypted OOXML (an OLE2 wrapper holding {@code EncryptionInfo} and
 * {@code EncryptedPackage}, [MS-OFFCRYPTO]), documents under Information Rights Management (a DRM data space),
 * and the legacy Word, Excel and PowerPoint 97-2003 formats with RC4, CryptoAPI RC4 or XOR obfuscation. POI reads
 * the container and the OOXML encryption header; the legacy formats keep their encryption flag in their own first
 * records, which POI only exposes by trying to decrypt, so those few fields are read here. Stream names are
 * matched without regard to case, as the compound file format defines them.
 *
 * <p>A file encrypted with Excel's built-in default password ({@code VelvetSweatshop}, what Excel uses for a
 * workbook that is only write-protected) opens without asking: it is judged {@link ProtectionLevel#NONE} and its
 * content is read like any other file's.
 */
final class Ole2Check implements ProtectionCheck {

    private static final int[] MAGIC = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};

    /** Office's own files use 100,000 rounds; a file that claims far more is not tried with the default password. */
    private static final int MAX_SPIN_COUNT_TRIED = 1_000_000;

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
            String application = application(root);
            if (rightsManaged(root)) {
                return Protection.of(ProtectionLevel.STRONG, application + " rights management (IRM)");
            }
            Entry encryptionInfo = entry(root, EncryptionInfo.ENCRYPTION_INFO_ENTRY);
            if (encryptionInfo instanceof DocumentEntry info) {
                return ooxml(info);
            }
            if (entry(root, "WordDocument") != null) {
                return word(root);
            }
            if (entry(root, "Workbook") != null || entry(root, "Book") != null) {
                return excel(root, entry(root, "Workbook") != null ? "Workbook" : "Book");
            }
            if (entry(root, "PowerPoint Document") != null && entry(root, "Current User") != null) {
                return powerPoint(root);
            }
            return Protection.none();
        }
    }

    /** The stream or storage of this name in any case ("ENCRYPTIONINFO" is "EncryptionInfo"), or null. */
    private static Entry entry(DirectoryEntry directory, String name) {
        for (Entry e : directory) {
            if (e.getName().equalsIgnoreCase(name)) {
                return e;
            }
        }
        return null;
    }

    private static String application(DirectoryNode root) {
        if (entry(root, "WordDocument") != null) {
            return "Word 97-2003";
        }
        if (entry(root, "Workbook") != null || entry(root, "Book") != null) {
            return "Excel 97-2003";
        }
        if (entry(root, "PowerPoint Document") != null) {
            return "PowerPoint 97-2003";
        }
        return "Office";
    }

    /**
     * Rights management keeps the document in a data space whose transform is DRM ({@code \tDRMDataSpace},
     * {@code \tDRMEncryptedDataSpace}); the streams beside it are a placeholder that says the file is protected.
     */
    private static boolean rightsManaged(DirectoryNode root) {
        for (Entry e : root) {
            if (e instanceof DirectoryEntry spaces && e.getName().strip().toLowerCase(Locale.ROOT).endsWith("dataspaces")
                    && entry(spaces, "DataSpaceInfo") instanceof DirectoryEntry info) {
                for (Entry space : info) {
                    if (space.getName().toUpperCase(Locale.ROOT).contains("DRM")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static Protection ooxml(DocumentEntry stream) throws IOException {
        EncryptionInfo info;
        try (DocumentInputStream in = new DocumentInputStream(stream)) {
            info = new EncryptionInfo(in, EncryptionMode.agile);
        }
        Protection named = ooxml(info);
        return opensWithDefaultPassword(info)
                ? Protection.of(ProtectionLevel.NONE, named.scheme() + " with the default password",
                        Protection.DEFAULT_PASSWORD_NOTE)
                : named;
    }

    /** Whether Excel's built-in default password opens the file; a verifier that claims absurd work is not tried. */
    private static boolean opensWithDefaultPassword(EncryptionInfo info) {
        if (info.getVerifier() == null || info.getVerifier().getSpinCount() > MAX_SPIN_COUNT_TRIED) {
            return false;
        }
        try {
            return Decryptor.getInstance(info).verifyPassword(Decryptor.DEFAULT_PASSWORD);
        } catch (GeneralSecurityException | RuntimeException notOpened) {
            return false;
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
        try (InputStream in = new DocumentInputStream((DocumentEntry) entry(root, stream))) {
            for (int record = 0; record < 4096; record++) {
                byte[] header = in.readNBytes(4);
                if (header.length < 4) {
                    return Protection.unknown("truncated Excel workbook stream");
                }
                int type = LittleEndian.getUShort(header, 0);
                int length = LittleEndian.getUShort(header, 2);
                if (type == 0x002F) { // FILEPASS
                    byte[] body = in.readNBytes(length);
                    if (body.length < 2) {
                        return Protection.unknown("truncated Excel FILEPASS record");
                    }
                    if (stream.equals("Book") || LittleEndian.getUShort(body, 0) == 0) {
                        return Protection.of(ProtectionLevel.WEAK, "Excel 97-2003 XOR obfuscation");
                    }
                    String kind = rc4Kind(body, 2);
                    return rc4OpensWithDefaultPassword(body, kind)
                            ? Protection.of(ProtectionLevel.NONE, "Excel 97-2003 " + kind + " with the default password",
                                    Protection.DEFAULT_PASSWORD_NOTE)
                            : Protection.of(ProtectionLevel.WEAK, "Excel 97-2003 " + kind);
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

    /** The FILEPASS record's RC4 header after its type field, tried with the default password. */
    private static boolean rc4OpensWithDefaultPassword(byte[] filePass, String kind) {
        EncryptionMode mode = kind.equals("RC4") ? EncryptionMode.binaryRC4
                : kind.equals("CryptoAPI RC4") ? EncryptionMode.cryptoAPI : null;
        if (mode == null) {
            return false;
        }
        try {
            return opensWithDefaultPassword(new EncryptionInfo(new LittleEndianByteArrayInputStream(filePass, 2), mode));
        } catch (IOException | RuntimeException malformed) {
            return false;
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
        if (!(entry(root, name) instanceof DocumentEntry stream)) {
            return new byte[0];
        }
        try (InputStream in = new DocumentInputStream(stream)) {
            return in.readNBytes(length);
        }
    }
}
