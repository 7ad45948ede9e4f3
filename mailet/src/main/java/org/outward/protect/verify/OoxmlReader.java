package org.outward.protect.verify;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.DocumentEntry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Encrypted OOXML: the OLE2 wrapper's {@code EncryptionInfo} stream, read through POI's compound-file reader
 * (random access, the {@code EncryptedPackage} is never read). Legacy Word, Excel and PowerPoint 97-2003
 * files keep their encryption header inside their own records and give no check.
 */
final class OoxmlReader implements PasswordCheckReader {

    @Override
    public String protectionFormat() {
        return "OLE2";
    }

    @Override
    public Optional<PasswordCheck> read(Path file) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            DirectoryNode root = fs.getRoot();
            if (!root.hasEntry(EncryptionInfo.ENCRYPTION_INFO_ENTRY)
                    || !(root.getEntry(EncryptionInfo.ENCRYPTION_INFO_ENTRY) instanceof DocumentEntry info)
                    || info.getSize() > Caps.MAX_MATERIAL_BYTES) {
                return Optional.empty();
            }
            try (InputStream in = root.createDocumentInputStream(info)) {
                return Optional.of(PasswordCheck.of(CheckFormat.OOXML, in.readNBytes(Caps.MAX_MATERIAL_BYTES)));
            }
        }
    }
}
