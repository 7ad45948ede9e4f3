package org.outward.protect;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdfparser.PDFParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.encryption.PDCryptFilterDictionary;
import org.apache.pdfbox.pdmodel.encryption.PDEncryption;

/**
 * PDF (PDFBox). What matters is whether the file opens without a password: PDFBox tries the empty user
 * password, which succeeds for a PDF with only an owner password (permission flags), which is therefore
 * {@link ProtectionLevel#NONE}. The cipher comes from the {@code /Encrypt} dictionary (V, Length and the
 * standard crypt filter's CFM).
 */
final class PdfCheck implements ProtectionCheck {

    @Override
    public String format() {
        return "PDF";
    }

    @Override
    public Set<String> mediaTypes() {
        return Set.of("application/pdf");
    }

    @Override
    public boolean hasMagic(FileHead head) {
        return head.contains(1024, '%', 'P', 'D', 'F', '-');
    }

    @Override
    public Protection check(Path file, FileHead head) throws IOException {
        EncryptionProbe parser = new EncryptionProbe(new RandomAccessReadBufferedFile(file));
        try (PDDocument ignored = parser.parse()) {
            PDEncryption encryption = parser.encryption;
            if (encryption == null) {
                return Protection.none();
            }
            String cipher = cipher(encryption);
            if (!"Standard".equals(encryption.getFilter())) {
                return Protection.of(ProtectionLevel.STRONG, "PDF certificate encryption " + cipher);
            }
            if (parser.needsUserPassword) {
                ProtectionLevel level = cipher.startsWith("AES") ? ProtectionLevel.STRONG : ProtectionLevel.WEAK;
                return Protection.of(level, "PDF " + cipher + " user password");
            }
            return Protection.of(ProtectionLevel.NONE, "PDF " + cipher + " owner password only",
                    "opens without a password: only an owner password (permission flags) is set");
        }
    }

    /** Names the cipher as admins know it, from the encryption dictionary's version, length and crypt filter. */
    static String cipher(PDEncryption encryption) {
        int version = encryption.getVersion();
        if (version >= 4) {
            PDCryptFilterDictionary filter = encryption.getStdCryptFilterDictionary();
            COSName method = filter == null ? null : filter.getCryptFilterMethod();
            if (COSName.AESV3.equals(method) || version == 5) {
                return "AES-256";
            }
            if (COSName.AESV2.equals(method)) {
                return "AES-128";
            }
            return "RC4-128";
        }
        if (version == 1) {
            return "RC4-40";
        }
        int length = encryption.getLength();
        return "RC4-" + (length > 0 ? length : 40);
    }

    /**
     * A parser that records the encryption dictionary and whether the empty password is refused, then goes on
     * without decrypting: nothing of the content is needed, only the structure.
     */
    private static final class EncryptionProbe extends PDFParser {
        PDEncryption encryption;
        boolean needsUserPassword;

        EncryptionProbe(RandomAccessReadBufferedFile source) throws IOException {
            super(source, "", null, null);
        }

        @Override
        protected void prepareDecryption() throws IOException {
            encryption = getEncryption();
            if (encryption == null) {
                return;
            }
            try {
                super.prepareDecryption();
            } catch (InvalidPasswordException e) {
                needsUserPassword = true;
                securityHandler = null;
            }
        }
    }
}
