package org.outward.protect.verify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * OpenDocument (ODF 1.2+ AES-CBC, ODF 1.1 Blowfish CFB): the manifest gives, per encrypted entry, the start
 * key's hash (SHA-256, or SHA-1 in ODF 1.1), PBKDF2-HMAC-SHA1's salt and rounds, the cipher and IV, and a
 * checksum (SHA-256 or SHA-1) of the entry's first 1024 bytes once decrypted. A check keeps those values and
 * the first 1024 encrypted bytes of one entry; PBKDF2 rounds are capped at {@link Caps#MAX_PBKDF2_ROUNDS}.
 */
final class OdfVerifier implements Verifier {

    static final int SAMPLE_BYTES = 1024;

    /** What the manifest says of one entry, and that entry's first encrypted bytes. */
    record Entry(boolean sha256StartKey, int rounds, byte[] salt, int keyBytes, boolean aes, byte[] iv,
                 boolean sha256Checksum, byte[] checksum, byte[] sample) {
    }

    private final Entry entry;

    private OdfVerifier(Entry entry) {
        this.entry = entry;
    }

    static byte[] material(Entry e) {
        return new Fields.Writer().u8(e.sha256StartKey() ? 1 : 0).u32(e.rounds()).bytes(e.salt()).u8(e.keyBytes())
                .u8(e.aes() ? 1 : 0).bytes(e.iv()).u8(e.sha256Checksum() ? 1 : 0).bytes(e.checksum())
                .bytes(e.sample()).done();
    }

    static Verifier parse(byte[] material) {
        Fields.Reader in = new Fields.Reader(material);
        boolean sha256StartKey = flag(in.u8());
        int rounds = in.u32(1, Caps.MAX_PBKDF2_ROUNDS, "PBKDF2 rounds");
        byte[] salt = in.bytes(1, 64, "salt");
        int keyBytes = in.u8();
        boolean aes = flag(in.u8());
        byte[] iv = in.bytes(aes ? 16 : 8, aes ? 16 : 8, "IV");
        boolean sha256Checksum = flag(in.u8());
        byte[] checksum = in.bytes(sha256Checksum ? 32 : 20, sha256Checksum ? 32 : 20, "checksum");
        byte[] sample = in.bytes(SAMPLE_BYTES, SAMPLE_BYTES, "sample");
        in.end();
        if (aes ? keyBytes != 16 && keyBytes != 24 && keyBytes != 32 : keyBytes < 4 || keyBytes > 56) {
            throw new MalformedCheckException("key size out of range");
        }
        return new OdfVerifier(new Entry(sha256StartKey, rounds, salt, keyBytes, aes, iv, sha256Checksum, checksum, sample));
    }

    private static boolean flag(int value) {
        if (value > 1) {
            throw new MalformedCheckException("flag out of range");
        }
        return value == 1;
    }

    @Override
    public boolean opens(String candidate) throws Exception {
        Entry e = entry;
        byte[] startKey = MessageDigest.getInstance(e.sha256StartKey() ? "SHA-256" : "SHA-1")
                .digest(candidate.getBytes(StandardCharsets.UTF_8));
        PKCS5S2ParametersGenerator kdf = new PKCS5S2ParametersGenerator(new SHA1Digest());
        kdf.init(startKey, e.salt(), e.rounds());
        byte[] key = ((KeyParameter) kdf.generateDerivedParameters(e.keyBytes() * 8)).getKey();
        Cipher cipher = e.aes() ? Cipher.getInstance("AES/CBC/NoPadding") : Cipher.getInstance("Blowfish/CFB/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, e.aes() ? "AES" : "Blowfish"), new IvParameterSpec(e.iv()));
        byte[] plain = cipher.doFinal(e.sample());
        byte[] checksum = MessageDigest.getInstance(e.sha256Checksum() ? "SHA-256" : "SHA-1").digest(plain);
        return MessageDigest.isEqual(checksum, e.checksum());
    }

    @Override
    public int bits() {
        return 128;
    }
}
