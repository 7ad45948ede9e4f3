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
            // parsed to the end: either not encrypted or opened with the empty user password
        } catch (EncryptionProbe.Judged enough) {
            // the encryption dictionary told all there is to know; the rest cannot be read without a key
        }
        PDEncryption encryption = parser.encryption;
        if (encryption == null) {
            // A damaged file can lose its trailer, and with it the /Encrypt reference that PDFBox's repair
            // cannot find again; its content is still encrypted, so it must not pass as unprotected.
            return mentionsEncrypt(file) ? Protection.unknown("PDF encryption dictionary unreadable")
                    : Protection.none();
        }
        String cipher = cipher(encryption);
        if ("Adobe.PubSec".equals(encryption.getFilter())) {
            // A random key sealed to the recipients' certificates: no password to guess, so the cipher decides.
            return Protection.of(cipher.startsWith("AES") ? ProtectionLevel.STRONG : ProtectionLevel.WEAK,
                    "PDF public-key " + cipher);
        }
        if (!"Standard".equals(encryption.getFilter())) {
            // Rights management (Microsoft's IRM, other vendors' handlers): only the handler's own server gives
            // out keys, so nobody without an account the author allowed opens the file.
            return Protection.of(ProtectionLevel.STRONG, "PDF " + encryption.getFilter() + " rights management");
        }
        if (parser.needsUserPassword) {
            ProtectionLevel level = cipher.startsWith("AES") ? ProtectionLevel.STRONG : ProtectionLevel.WEAK;
            return Protection.of(level, "PDF " + cipher + " user password");
        }
        return Protection.of(ProtectionLevel.NONE, "PDF " + cipher + " owner password only", Protection.OWNER_ONLY_NOTE);
    }

    /**
     * Whether the raw file names an encryption dictionary or a security handler anywhere ({@code /Encrypt},
     * {@code /Standard}, {@code /Adobe.PubSec}) as a whole name, streamed in constant memory. Longer names that
     * begin alike do not count: {@code /EncryptedPayload} marks an unencrypted wrapper around an encrypted file
     * (PDF 2.0), which is judged as a part of its own.
     */
    static boolean mentionsEncrypt(Path file) throws IOException {
        for (String name : new String[] {"/Encrypt", "/Standard", "/Adobe.PubSec"}) {
            if (containsName(file, name.getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }

    /** A PDF name ends at white space or a delimiter. */
    private static boolean endsName(byte b) {
        return b <= ' ' || "/<>[](){}%".indexOf(b) >= 0;
    }

    private static boolean containsName(Path file, byte[] name) throws IOException {
        // The byte after the name is part of the match, so a name that ends the file is not seen; a real
        // /Encrypt reference is always followed by its value.
        byte[] needle = java.util.Arrays.copyOf(name, name.length + 1);
        byte[] buffer = new byte[64 * 1024];
        int carried = 0;
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            int read;
            while ((read = in.read(buffer, carried, buffer.length - carried)) > 0) {
                int filled = carried + read;
                for (int i = 0; i + needle.length <= filled; i++) {
                    if (java.util.Arrays.equals(buffer, i, i + name.length, name, 0, name.length)
                            && endsName(buffer[i + name.length])) {
                        return true;
                    }
                }
                // keep the tail in case the name straddles two reads
                carried = Math.min(needle.length - 1, filled);
                System.arraycopy(buffer, filled - carried, buffer, 0, carried);
            }
        }
        return false;
    }

    /** Names the cipher as admins know it, from the encryption dictionary's version, length and crypt filter. */
    static String cipher(PDEncryption encryption) {
        int version = encryption.getVersion();
        if (version >= 4) {
            // Streams name their crypt filter (/StmF): StdCF for passwords, DefaultCryptFilter for public keys.
            COSName streams = encryption.getStreamFilterName();
            PDCryptFilterDictionary filter = streams == null ? encryption.getStdCryptFilterDictionary()
                    : encryption.getCryptFilterDictionary(streams);
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
     * A parser that records the encryption dictionary and whether the empty password is refused, and stops there
     * when it is (or when no handler PDFBox knows can open the file): nothing of the content is needed, and
     * compressed object streams cannot be read without the key.
     */
    private static final class EncryptionProbe extends PDFParser {
        PDEncryption encryption;
        boolean needsUserPassword;

        /** Ends the parse once the encryption dictionary has been judged. */
        static final class Judged extends IOException {
            Judged() {
                super("encryption judged");
            }
        }

        EncryptionProbe(RandomAccessReadBufferedFile source) throws IOException {
            super(source, "", null, null);
        }

        @Override
        protected void prepareDecryption() throws IOException {
            try {
                super.prepareDecryption();
                // The parser fills in its encryption dictionary while preparing, even when it then fails.
                encryption = getEncryption();
            } catch (InvalidPasswordException e) {
                needsUserPassword = true;
                encryption = getEncryption();
                throw new Judged();
            } catch (IOException e) {
                PDEncryption dictionary = getEncryption();
                if (dictionary == null || "Standard".equals(dictionary.getFilter())) {
                    throw e;
                }
                encryption = dictionary;
                throw new Judged();
            }
        }
    }
}
