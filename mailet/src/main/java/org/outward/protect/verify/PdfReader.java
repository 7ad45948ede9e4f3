package org.outward.protect.verify;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdfparser.PDFParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.PDEncryption;

/**
 * PDF: PDFBox's parser finds the trailer's {@code /Encrypt} dictionary and {@code /ID} (reading the file by
 * random access, never decrypting anything); only the standard security handler gives a check.
 */
final class PdfReader implements PasswordCheckReader {

    @Override
    public String protectionFormat() {
        return "PDF";
    }

    @Override
    public Optional<PasswordCheck> read(Path file) throws IOException {
        EncryptionReader parser = new EncryptionReader(new RandomAccessReadBufferedFile(file));
        try (PDDocument ignored = parser.parse()) {
            PDEncryption encryption = parser.encryption;
            if (encryption == null || !"Standard".equals(encryption.getFilter())
                    || encryption.getOwnerKey() == null || encryption.getUserKey() == null) {
                return Optional.empty();
            }
            int length = encryption.getLength() > 0 ? encryption.getLength() : 40;
            PdfVerifier.Entries entries = new PdfVerifier.Entries(encryption.getRevision(), encryption.getVersion(),
                    length, encryption.getPermissions(), encryption.isEncryptMetaData(),
                    encryption.getOwnerKey(), encryption.getUserKey(), parser.firstId);
            return Optional.of(PasswordCheck.of(CheckFormat.PDF, PdfVerifier.material(entries)));
        }
    }

    /** A parser that records the encryption dictionary and first file identifier instead of decrypting. */
    private static final class EncryptionReader extends PDFParser {
        PDEncryption encryption;
        byte[] firstId = new byte[0];

        EncryptionReader(RandomAccessReadBufferedFile source) throws IOException {
            super(source);
        }

        @Override
        protected void prepareDecryption() throws IOException {
            COSDictionary dictionary = document.getEncryptionDictionary();
            encryption = dictionary == null ? null : new PDEncryption(dictionary);
            COSArray ids = document.getDocumentID();
            if (ids != null && ids.size() > 0 && ids.getObject(0) instanceof COSString first) {
                firstId = first.getBytes();
            }
        }
    }
}
