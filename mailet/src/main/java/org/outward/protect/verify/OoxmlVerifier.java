package org.outward.protect.verify;

import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.util.LittleEndianByteArrayInputStream;

/**
 * Encrypted OOXML ([MS-OFFCRYPTO] standard and agile): the {@code EncryptionInfo} stream holds the salt, the
 * spin count and the encrypted verifier with its encrypted hash, which POI's {@code Decryptor.verifyPassword}
 * tests. The check keeps that stream as it is (about a kilobyte); it holds no document content. The spin
 * count a file claims is capped at {@link Caps#MAX_SPIN_COUNT}.
 */
final class OoxmlVerifier implements Verifier {

    private final byte[] encryptionInfo;

    private OoxmlVerifier(byte[] encryptionInfo) {
        this.encryptionInfo = encryptionInfo;
    }

    static Verifier parse(byte[] encryptionInfo) {
        EncryptionInfo info = info(encryptionInfo);
        if (info.getEncryptionMode() != EncryptionMode.agile && info.getEncryptionMode() != EncryptionMode.standard) {
            throw new MalformedCheckException("not OOXML standard or agile encryption");
        }
        int spins = info.getVerifier().getSpinCount();
        if (spins < 0 || spins > Caps.MAX_SPIN_COUNT) {
            throw new MalformedCheckException("spin count beyond the cap");
        }
        return new OoxmlVerifier(encryptionInfo);
    }

    private static EncryptionInfo info(byte[] encryptionInfo) {
        try {
            return new EncryptionInfo(new LittleEndianByteArrayInputStream(encryptionInfo), EncryptionMode.standard);
        } catch (Exception e) {
            // POI's messages may quote the stream; only the fault's kind goes on.
            throw new MalformedCheckException("unreadable OOXML encryption info (" + e.getClass().getSimpleName() + ")");
        }
    }

    @Override
    public boolean opens(String candidate) throws Exception {
        // A decryptor keeps the derived key once verified: a fresh one per test keeps checks shareable.
        return info(encryptionInfo).getDecryptor().verifyPassword(candidate);
    }

    @Override
    public int bits() {
        return 128;
    }
}
