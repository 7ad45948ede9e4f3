package org.outward.protect.verify;

import java.util.Set;

import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.util.LittleEndianByteArrayInputStream;

/**
 * Office encryption as [MS-OFFCRYPTO] describes it: encrypted OOXML (standard and agile, the
 * {@code EncryptionInfo} stream) and Word and Excel 97-2003 (RC4 and CryptoAPI RC4, the same structure at the
 * start of Word's table stream or in Excel's FILEPASS record). It holds the salt, the spin count and the
 * encrypted verifier with its encrypted hash, which POI's {@code Decryptor.verifyPassword} tests. The check
 * keeps that structure as it is (about a kilobyte); it holds no document content. The spin count a file
 * claims is capped at {@link Caps#MAX_SPIN_COUNT}.
 */
final class OfficeVerifier implements Verifier {

    private final byte[] encryptionInfo;
    private final EncryptionMode reading;

    private OfficeVerifier(byte[] encryptionInfo, EncryptionMode reading) {
        this.encryptionInfo = encryptionInfo;
        this.reading = reading;
    }

    /** OOXML's {@code EncryptionInfo} stream: standard or agile encryption only. */
    static Verifier ooxml(byte[] encryptionInfo) {
        return parse(encryptionInfo, EncryptionMode.standard, Set.of(EncryptionMode.standard, EncryptionMode.agile));
    }

    /** Word's or Excel's 97-2003 encryption header: RC4 or CryptoAPI RC4 only. */
    static Verifier binary(byte[] encryptionInfo) {
        return parse(encryptionInfo, EncryptionMode.cryptoAPI, Set.of(EncryptionMode.binaryRC4, EncryptionMode.cryptoAPI));
    }

    private static Verifier parse(byte[] encryptionInfo, EncryptionMode reading, Set<EncryptionMode> kept) {
        EncryptionInfo info = info(encryptionInfo, reading);
        if (!kept.contains(info.getEncryptionMode())) {
            throw new MalformedCheckException("Office encryption of a kind not kept");
        }
        int spins = info.getVerifier().getSpinCount();
        if (spins < 0 || spins > Caps.MAX_SPIN_COUNT) {
            throw new MalformedCheckException("spin count beyond the cap");
        }
        return new OfficeVerifier(encryptionInfo, reading);
    }

    /** POI reads the version and picks the mode; {@code reading} settles CryptoAPI against standard. */
    private static EncryptionInfo info(byte[] encryptionInfo, EncryptionMode reading) {
        try {
            return new EncryptionInfo(new LittleEndianByteArrayInputStream(encryptionInfo), reading);
        } catch (Exception e) {
            // POI's messages may quote the stream; only the fault's kind goes on.
            throw new MalformedCheckException("unreadable Office encryption info (" + e.getClass().getSimpleName() + ")");
        }
    }

    @Override
    public boolean opens(String candidate) throws Exception {
        // A decryptor keeps the derived key once verified: a fresh one per test keeps checks shareable.
        return info(encryptionInfo, reading).getDecryptor().verifyPassword(candidate);
    }

    @Override
    public int bits() {
        return 128;
    }
}
