package org.outward.protect.verify;

import java.util.function.Function;

/**
 * The formats whose own password check a {@link PasswordCheck} can keep, each with its stable id in the
 * encoding and the parser that turns kept material back into a {@link Verifier} (refusing material beyond the
 * caps). Ids are never reused: a stored check names its format by id.
 */
public enum CheckFormat {
    ZIP_AES(1, "ZIP WinZip AES", ZipAesVerifier::parse),
    ZIP_CRYPTO(2, "ZIP ZipCrypto", ZipCryptoVerifier::parse),
    OOXML(3, "OOXML encryption", OfficeVerifier::ooxml),
    PDF(4, "PDF standard security", PdfVerifier::parse),
    ODF(5, "ODF encryption", OdfVerifier::parse),
    OPENPGP(6, "OpenPGP passphrase", OpenPgpVerifier::parse),
    SEVEN_ZIP(7, "7z AES-256", SevenZipVerifier::parse),
    OFFICE_97(8, "Office 97-2003 RC4", OfficeVerifier::binary);

    private final int id;
    private final String words;
    private final Function<byte[], Verifier> parser;

    CheckFormat(int id, String words, Function<byte[], Verifier> parser) {
        this.id = id;
        this.words = words;
        this.parser = parser;
    }

    int id() {
        return id;
    }

    /** The format in words an admin recognises, e.g. {@code "ZIP WinZip AES"}. */
    public String words() {
        return words;
    }

    Verifier parse(byte[] material) {
        return parser.apply(material);
    }

    static CheckFormat byId(int id) {
        for (CheckFormat format : values()) {
            if (format.id == id) {
                return format;
            }
        }
        throw new MalformedCheckException("unknown format");
    }
}
