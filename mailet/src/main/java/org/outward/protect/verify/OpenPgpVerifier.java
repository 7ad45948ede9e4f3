package org.outward.protect.verify;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Arrays;

import org.bouncycastle.bcpg.S2K;
import org.bouncycastle.openpgp.operator.PGPDataDecryptor;
import org.bouncycastle.openpgp.operator.bc.BcPBEDataDecryptorFactory;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;

/**
 * OpenPGP passphrase encryption (a version 4 symmetric-key session packet, as {@code gpg --symmetric} writes):
 * the packet's S2K (hash, salt, count) and optional encrypted session key, and the first block plus two bytes
 * of the encrypted data, whose last two bytes repeat the two before them once decrypted with the right key
 * (RFC 4880's quick check): 16 bits. BouncyCastle derives the key and decrypts. The S2K count is the format's
 * own (at most 65,011,712 bytes hashed); Argon2 S2K is not kept.
 */
final class OpenPgpVerifier implements Verifier {

    /** Room for the largest block (16 bytes) and the two repeated bytes. */
    static final int PREFIX_BYTES = 18;

    /** What the check keeps: the session packet's fields and the encrypted data's first bytes. */
    record Kept(int algorithm, byte[] s2k, byte[] sessionKey, boolean integrity, byte[] prefix) {
    }

    private final Kept kept;
    private final S2K s2k;

    private OpenPgpVerifier(Kept kept, S2K s2k) {
        this.kept = kept;
        this.s2k = s2k;
    }

    static byte[] material(Kept k) {
        return new Fields.Writer().u8(k.algorithm()).bytes(k.s2k()).bytes(k.sessionKey()).u8(k.integrity() ? 1 : 0)
                .bytes(k.prefix()).done();
    }

    static Verifier parse(byte[] material) {
        Fields.Reader in = new Fields.Reader(material);
        int algorithm = in.u8();
        byte[] s2k = in.bytes(2, 11, "S2K");
        byte[] sessionKey = in.bytes(0, 64, "session key");
        int integrity = in.u8();
        byte[] prefix = in.bytes(PREFIX_BYTES, PREFIX_BYTES, "prefix");
        in.end();
        if (integrity > 1 || algorithm < 1 || algorithm > 13) {
            throw new MalformedCheckException("unknown OpenPGP cipher");
        }
        return new OpenPgpVerifier(new Kept(algorithm, s2k, sessionKey, integrity == 1, prefix), s2k(s2k));
    }

    /** The S2K from its encoding: simple (type 0), salted (1) or iterated and salted (3); nothing else. */
    private static S2K s2k(byte[] encoded) {
        int type = encoded[0] & 0xff;
        int hash = encoded[1] & 0xff;
        if (type == S2K.SIMPLE && encoded.length == 2) {
            return S2K.simpleS2K(hash);
        }
        if (type == S2K.SALTED && encoded.length == 10) {
            return S2K.saltedS2K(hash, Arrays.copyOfRange(encoded, 2, 10));
        }
        if (type == S2K.SALTED_AND_ITERATED && encoded.length == 11) {
            return S2K.saltedAndIteratedS2K(hash, Arrays.copyOfRange(encoded, 2, 10), encoded[10] & 0xff);
        }
        throw new MalformedCheckException("S2K of a kind not kept");
    }

    @Override
    public boolean opens(String candidate) throws Exception {
        BcPBEDataDecryptorFactory factory = new BcPBEDataDecryptorFactory(candidate.toCharArray(),
                new BcPGPDigestCalculatorProvider());
        byte[] key = factory.makeKeyFromPassPhrase(kept.algorithm(), s2k);
        int algorithm = kept.algorithm();
        if (kept.sessionKey().length > 0) {
            byte[] session = factory.recoverSessionData(kept.algorithm(), key, kept.sessionKey());
            algorithm = session[0] & 0xff;
            key = Arrays.copyOfRange(session, 1, session.length);
        }
        PGPDataDecryptor decryptor = factory.createDataDecryptor(kept.integrity(), algorithm, key);
        int block = decryptor.getBlockSize();
        byte[] plain;
        try (InputStream in = decryptor.getInputStream(new ByteArrayInputStream(kept.prefix(), 0, block + 2))) {
            plain = in.readNBytes(block + 2);
        }
        return plain.length == block + 2 && plain[block - 2] == plain[block] && plain[block - 1] == plain[block + 1];
    }

    @Override
    public int bits() {
        return 16;
    }
}
