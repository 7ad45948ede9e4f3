package org.outward.protect;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

import org.bouncycastle.bcpg.BCPGInputStream;
import org.bouncycastle.bcpg.Packet;
import org.bouncycastle.bcpg.PacketTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyEncSessionPacket;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyEncSessionPacket;
import org.bouncycastle.openpgp.PGPUtil;

/**
 * OpenPGP messages, binary or ASCII-armoured (BouncyCastle bcpg), read packet by packet (RFC 4880 / 9580):
 * session-key packets (PKESK for a recipient's key, SKESK for a passphrase) followed by integrity-protected
 * encrypted data (SEIPD or AEAD) are {@link ProtectionLevel#STRONG}; the old encrypted data packet without
 * integrity protection is {@link ProtectionLevel#WEAK}; signed data, keys and literal data open for anyone.
 * Only packet headers are read; the encrypted body is never touched. Armour may follow a byte-order mark and
 * blank lines; any other text beside the block makes the file {@link ProtectionLevel#NONE}, so its text is read
 * (a list placed after a genuine encrypted block must not pass as encrypted).
 */
final class OpenPgpCheck implements ProtectionCheck {

    private static final int MAX_PACKETS = 1000;

    @Override
    public String format() {
        return "OpenPGP";
    }

    @Override
    public Set<String> mediaTypes() {
        return Set.of("application/pgp-encrypted", "application/pgp-signature", "application/pgp-keys",
                "application/pgp");
    }

    @Override
    public boolean accepts(String mediaType, FileHead head) {
        // Armoured data is text, so Tika may call it text/plain; editors and mail clients add a byte-order mark
        // or blank lines before it.
        return mediaTypes().contains(mediaType) || armoured(head)
                || (ProtectionCheck.isGeneric(mediaType) && hasMagic(head));
    }

    private static boolean armoured(FileHead head) {
        String start = new String(head.bytes(), 0, Math.min(head.bytes().length, 256), StandardCharsets.ISO_8859_1);
        return start.replaceFirst("^\u00EF\u00BB\u00BF", "").stripLeading().startsWith("-----BEGIN PGP ");
    }

    /** A binary message starts with a session-key packet: tag 1 or 3, in the old or the new packet format. */
    @Override
    public boolean hasMagic(FileHead head) {
        if (head.bytes().length == 0) {
            return false;
        }
        int first = head.bytes()[0] & 0xff;
        int tag = (first & 0x40) != 0 ? first & 0x3f : (first & 0x3c) >> 2;
        return (first & 0x80) != 0 && (tag == PacketTags.PUBLIC_KEY_ENC_SESSION || tag == PacketTags.SYMMETRIC_KEY_ENC_SESSION);
    }

    @Override
    public Protection check(Path file, FileHead head) throws Exception {
        long start = 0;
        if (armoured(head)) {
            ArmourLayout layout = ArmourLayout.of(file);
            if (layout.textOutside()) {
                return Protection.of(ProtectionLevel.NONE, "OpenPGP armour with other text",
                        "text stands outside the encrypted block: the file is read as text");
            }
            start = Math.max(0, layout.begin());
        }
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            raw.skipNBytes(start);
            if (startsWith(raw, "-----BEGIN PGP SIGNED MESSAGE-----")) {
                return Protection.of(ProtectionLevel.NONE, "OpenPGP clear-signed (signed, not encrypted)");
            }
            return packets(raw);
        }
    }

    private static boolean startsWith(InputStream in, String text) throws IOException {
        byte[] expected = text.getBytes(StandardCharsets.US_ASCII);
        in.mark(expected.length);
        byte[] actual = in.readNBytes(expected.length);
        in.reset();
        return java.util.Arrays.equals(actual, expected);
    }

    private static Protection packets(InputStream raw) throws Exception {
        try (InputStream decoded = PGPUtil.getDecoderStream(raw)) {
            BCPGInputStream packets = BCPGInputStream.wrap(decoded);
            Set<String> keys = new LinkedHashSet<>();
            for (int i = 0; i < MAX_PACKETS; i++) {
                int tag = packets.nextPacketTag();
                switch (tag) {
                    case -1 -> {
                        return keys.isEmpty() ? Protection.unknown("empty OpenPGP data")
                                : Protection.unknown("OpenPGP session keys without encrypted data");
                    }
                    case PacketTags.PUBLIC_KEY_ENC_SESSION, PacketTags.SYMMETRIC_KEY_ENC_SESSION, PacketTags.MARKER,
                         PacketTags.PADDING -> keys.add(sessionKey(packets.readPacket()));
                    case PacketTags.SYM_ENC_INTEGRITY_PRO, PacketTags.AEAD_ENC_DATA -> {
                        return encrypted(keys, ProtectionLevel.STRONG);
                    }
                    case PacketTags.SYMMETRIC_KEY_ENC -> {
                        return encrypted(keys, ProtectionLevel.WEAK, "no integrity protection: the data can be altered unnoticed");
                    }
                    case PacketTags.SIGNATURE, PacketTags.ONE_PASS_SIGNATURE ->  {
                        return Protection.of(ProtectionLevel.NONE, "OpenPGP signed (signed, not encrypted)");
                    }
                    case PacketTags.PUBLIC_KEY, PacketTags.PUBLIC_SUBKEY ->  {
                        return Protection.of(ProtectionLevel.NONE, "OpenPGP public key");
                    }
                    case PacketTags.SECRET_KEY, PacketTags.SECRET_SUBKEY ->  {
                        return Protection.of(ProtectionLevel.NONE, "OpenPGP secret key",
                                "a private key: its own passphrase is the only protection");
                    }
                    case PacketTags.COMPRESSED_DATA, PacketTags.LITERAL_DATA ->  {
                        return Protection.of(ProtectionLevel.NONE, "OpenPGP signed or plain data, not encrypted");
                    }
                    default -> {
                        return Protection.unknown("unexpected OpenPGP packet " + tag);
                    }
                }
            }
            return Protection.unknown("too many OpenPGP packets");
        }
    }

    private static String sessionKey(Packet packet) {
        if (packet instanceof SymmetricKeyEncSessionPacket skesk) {
            return "passphrase " + cipher(skesk.getEncAlgorithm());
        }
        if (packet instanceof PublicKeyEncSessionPacket pkesk) {
            return "public key " + publicKey(pkesk.getAlgorithm());
        }
        return "";
    }

    private static Protection encrypted(Set<String> keys, ProtectionLevel level, String... notes) {
        keys.remove("");
        if (keys.isEmpty()) {
            return Protection.of(level, "OpenPGP encrypted", notes);
        }
        boolean weakCipher = keys.stream().anyMatch(k -> k.endsWith("(64-bit block)"));
        ProtectionLevel result = weakCipher ? ProtectionLevel.WEAK : level;
        return Protection.of(result, "OpenPGP " + String.join(" + ", keys), notes);
    }

    static String cipher(int algorithm) {
        return switch (algorithm) {
            case SymmetricKeyAlgorithmTags.AES_128 -> "AES-128";
            case SymmetricKeyAlgorithmTags.AES_192 -> "AES-192";
            case SymmetricKeyAlgorithmTags.AES_256 -> "AES-256";
            case SymmetricKeyAlgorithmTags.TWOFISH -> "Twofish";
            case SymmetricKeyAlgorithmTags.CAMELLIA_128 -> "Camellia-128";
            case SymmetricKeyAlgorithmTags.CAMELLIA_192 -> "Camellia-192";
            case SymmetricKeyAlgorithmTags.CAMELLIA_256 -> "Camellia-256";
            case SymmetricKeyAlgorithmTags.TRIPLE_DES -> "3DES (64-bit block)";
            case SymmetricKeyAlgorithmTags.CAST5 -> "CAST5 (64-bit block)";
            case SymmetricKeyAlgorithmTags.BLOWFISH -> "Blowfish (64-bit block)";
            case SymmetricKeyAlgorithmTags.IDEA -> "IDEA (64-bit block)";
            default -> "cipher " + algorithm;
        };
    }

    static String publicKey(int algorithm) {
        return switch (algorithm) {
            case PublicKeyAlgorithmTags.RSA_GENERAL, PublicKeyAlgorithmTags.RSA_ENCRYPT -> "RSA";
            case PublicKeyAlgorithmTags.ELGAMAL_ENCRYPT, PublicKeyAlgorithmTags.ELGAMAL_GENERAL -> "ElGamal";
            case PublicKeyAlgorithmTags.ECDH -> "ECDH";
            case PublicKeyAlgorithmTags.X25519 -> "X25519";
            case PublicKeyAlgorithmTags.X448 -> "X448";
            default -> "algorithm " + algorithm;
        };
    }
}
