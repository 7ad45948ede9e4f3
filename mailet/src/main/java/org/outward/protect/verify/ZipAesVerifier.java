package org.outward.protect.verify;

import java.security.MessageDigest;
import java.util.List;

import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * WinZip AES (AE-1, AE-2): each encrypted entry starts with a salt and a 2-byte password verification value,
 * the last two bytes of PBKDF2-HMAC-SHA1(password, salt, 1000 rounds). A check keeps up to
 * {@link #MAX_ENTRIES} entries' salts and values; every one must agree, so each adds 16 bits of certainty.
 */
final class ZipAesVerifier extends EveryEntryVerifier<ZipAesVerifier.Entry> {

    static final int MAX_ENTRIES = 4;
    private static final int ROUNDS = 1000;

    /** One entry's kept values; strength 1, 2, 3 is AES-128, -192, -256. */
    record Entry(int strength, byte[] salt, byte[] verification) {
        int keyBytes() {
            return 8 + 8 * strength;
        }
    }

    private ZipAesVerifier(List<Entry> entries) {
        super(entries, 16);
    }

    static byte[] material(List<Entry> entries) {
        return material(entries, (out, entry) -> out.u8(entry.strength()).bytes(entry.salt()).bytes(entry.verification()));
    }

    static Verifier parse(byte[] material) {
        return new ZipAesVerifier(entries(material, MAX_ENTRIES, in -> {
            int strength = in.u8();
            if (strength < 1 || strength > 3) {
                throw new MalformedCheckException("AES strength out of range");
            }
            int saltBytes = 4 + 4 * strength;
            return new Entry(strength, in.bytes(saltBytes, saltBytes, "salt"), in.bytes(2, 2, "verifier"));
        }));
    }

    @Override
    boolean agrees(Entry entry, byte[] password) {
        PKCS5S2ParametersGenerator kdf = new PKCS5S2ParametersGenerator(new SHA1Digest());
        kdf.init(password, entry.salt(), ROUNDS);
        int length = 2 * entry.keyBytes() + 2;
        byte[] derived = ((KeyParameter) kdf.generateDerivedParameters(length * 8)).getKey();
        return MessageDigest.isEqual(new byte[] {derived[length - 2], derived[length - 1]}, entry.verification());
    }
}
