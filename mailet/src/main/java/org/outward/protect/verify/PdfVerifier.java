package org.outward.protect.verify;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.apache.pdfbox.pdmodel.encryption.StandardSecurityHandler;

/**
 * PDF's standard security handler: the {@code /Encrypt} dictionary's O and U entries, with R, V, Length, P,
 * EncryptMetadata and the first file identifier, let PDFBox's {@code StandardSecurityHandler} recompute
 * whether a password is the user password or the owner password (either opens the file). Nothing else of the
 * file is kept; the costs are the format's own (at most a few thousand hash and cipher rounds).
 */
final class PdfVerifier implements Verifier {

    /** The kept entries of the encryption dictionary. */
    record Entries(int revision, int version, int lengthBits, int permissions, boolean encryptMetadata,
                   byte[] owner, byte[] user, byte[] firstId) {
    }

    private final Entries entries;

    private PdfVerifier(Entries entries) {
        this.entries = entries;
    }

    static byte[] material(Entries e) {
        return new Fields.Writer().u8(e.revision()).u8(e.version()).u32(e.lengthBits()).u32(e.permissions())
                .u8(e.encryptMetadata() ? 1 : 0).bytes(e.owner()).bytes(e.user()).bytes(e.firstId()).done();
    }

    static Verifier parse(byte[] material) {
        Fields.Reader in = new Fields.Reader(material);
        int revision = in.u8();
        int version = in.u8();
        int lengthBits = in.u32(40, 256, "key length");
        int permissions = (int) in.u32();
        int metadata = in.u8();
        byte[] owner = in.bytes(32, 127, "O");
        byte[] user = in.bytes(32, 127, "U");
        byte[] firstId = in.bytes(0, 64, "ID");
        in.end();
        if (revision < 2 || revision > 6 || version < 1 || version > 5 || metadata > 1) {
            throw new MalformedCheckException("unknown PDF security revision");
        }
        if (revision >= 5 && (owner.length < 48 || user.length < 48)) {
            throw new MalformedCheckException("O or U too short for the revision");
        }
        return new PdfVerifier(new Entries(revision, version, lengthBits, permissions, metadata == 1, owner, user, firstId));
    }

    @Override
    public boolean opens(String candidate) throws Exception {
        Entries e = entries;
        // As PDFBox decrypts: revisions 5 and 6 take UTF-8 passwords, older ones Latin-1; V1 keys are 40 bits.
        Charset charset = e.revision() >= 5 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
        byte[] password = candidate.getBytes(charset);
        int keyBytes = e.version() == 1 ? 5 : e.lengthBits() / 8;
        StandardSecurityHandler handler = new StandardSecurityHandler();
        return handler.isUserPassword(password, e.user(), e.owner(), e.permissions(), e.firstId(), e.revision(),
                keyBytes, e.encryptMetadata())
                || handler.isOwnerPassword(password, e.user(), e.owner(), e.permissions(), e.firstId(), e.revision(),
                keyBytes, e.encryptMetadata());
    }

    @Override
    public int bits() {
        return 128;
    }
}
