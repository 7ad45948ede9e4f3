package org.outward.protect.verify;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.DocumentEntry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.util.LittleEndian;

/**
 * OLE2 compound files, read through POI's compound-file reader (random access; no encrypted content is read):
 * encrypted OOXML's {@code EncryptionInfo} stream; Word 97-2003's encryption header at the start of its table
 * stream (the FIB's lKey gives its size); Excel 97-2003's FILEPASS record among the workbook globals.
 * XOR obfuscation and PowerPoint 97-2003 give no check.
 */
final class OfficeReader implements PasswordCheckReader {

    /** Records of the workbook globals looked at before FILEPASS; it comes right after BOF in real files. */
    private static final int MAX_EXCEL_RECORDS = 4096;

    @Override
    public String protectionFormat() {
        return "OLE2";
    }

    @Override
    public Optional<PasswordCheck> read(Path file) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntry(EncryptionInfo.ENCRYPTION_INFO_ENTRY)) {
                return ooxml(root);
            }
            if (root.hasEntry("WordDocument")) {
                return word(root);
            }
            if (root.hasEntry("Workbook")) {
                return excel(root);
            }
            return Optional.empty();
        }
    }

    private static Optional<PasswordCheck> ooxml(DirectoryNode root) throws Exception {
        if (!(root.getEntry(EncryptionInfo.ENCRYPTION_INFO_ENTRY) instanceof DocumentEntry info)
                || info.getSize() > Caps.MAX_MATERIAL_BYTES) {
            return Optional.empty();
        }
        try (InputStream in = root.createDocumentInputStream(info)) {
            return Optional.of(PasswordCheck.of(CheckFormat.OOXML, in.readNBytes(Caps.MAX_MATERIAL_BYTES)));
        }
    }

    /** The FIB's fEncrypted (not fObfuscated) flag, lKey and table stream; the header opens that stream. */
    private static Optional<PasswordCheck> word(DirectoryNode root) throws Exception {
        byte[] fib = prefix(root, "WordDocument", 0x12);
        if (fib.length < 0x12) {
            return Optional.empty();
        }
        int flags = LittleEndian.getUShort(fib, 0x0A);
        long headerBytes = LittleEndian.getUInt(fib, 0x0E);
        if ((flags & 0x0100) == 0 || (flags & 0x8000) != 0 || headerBytes < 8 || headerBytes > Caps.MAX_MATERIAL_BYTES) {
            return Optional.empty();
        }
        byte[] header = prefix(root, (flags & 0x0200) != 0 ? "1Table" : "0Table", (int) headerBytes);
        return Optional.of(PasswordCheck.of(CheckFormat.OFFICE_97, header));
    }

    /** The FILEPASS record (0x002F) of RC4 type: its body after the two-byte type is the encryption header. */
    private static Optional<PasswordCheck> excel(DirectoryNode root) throws Exception {
        try (InputStream in = root.createDocumentInputStream("Workbook")) {
            for (int record = 0; record < MAX_EXCEL_RECORDS; record++) {
                byte[] header = in.readNBytes(4);
                if (header.length < 4) {
                    return Optional.empty();
                }
                int type = LittleEndian.getUShort(header, 0);
                int length = LittleEndian.getUShort(header, 2);
                if (type == 0x002F) {
                    byte[] body = in.readNBytes(length);
                    if (body.length < 10 || LittleEndian.getUShort(body, 0) != 1) {
                        return Optional.empty();
                    }
                    return Optional.of(PasswordCheck.of(CheckFormat.OFFICE_97, Arrays.copyOfRange(body, 2, body.length)));
                }
                if (type == 0x000A && record > 0 || in.skip(length) < length) {
                    return Optional.empty();
                }
            }
            return Optional.empty();
        }
    }

    private static byte[] prefix(DirectoryNode root, String name, int length) throws Exception {
        if (!root.hasEntry(name)) {
            return new byte[0];
        }
        try (InputStream in = root.createDocumentInputStream(name)) {
            return in.readNBytes(length);
        }
    }
}
