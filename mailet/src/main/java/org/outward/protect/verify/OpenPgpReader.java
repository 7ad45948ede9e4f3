package org.outward.protect.verify;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.bouncycastle.bcpg.BCPGInputStream;
import org.bouncycastle.bcpg.InputStreamPacket;
import org.bouncycastle.bcpg.Packet;
import org.bouncycastle.bcpg.SymmetricEncDataPacket;
import org.bouncycastle.bcpg.SymmetricEncIntegrityPacket;
import org.bouncycastle.bcpg.SymmetricKeyEncSessionPacket;
import org.bouncycastle.openpgp.PGPUtil;

/**
 * OpenPGP messages (binary or armoured), read packet by packet with BouncyCastle: the first version 4
 * symmetric-key session packet, then the first bytes of the encrypted data that follows (version 1 integrity
 * protected, or the old unprotected kind). Messages encrypted to public keys only, and AEAD (version 2) data,
 * give no check.
 */
final class OpenPgpReader implements PasswordCheckReader {

    /** Session packets, markers and the like before the data; a real message has a handful. */
    private static final int MAX_PACKETS = 32;

    @Override
    public String protectionFormat() {
        return "OpenPGP";
    }

    @Override
    public Optional<PasswordCheck> read(Path file) throws Exception {
        try (InputStream raw = Files.newInputStream(file);
             BCPGInputStream packets = BCPGInputStream.wrap(PGPUtil.getDecoderStream(raw))) {
            SymmetricKeyEncSessionPacket session = null;
            for (int i = 0; i < MAX_PACKETS; i++) {
                Packet packet = packets.readPacket();
                if (packet == null) {
                    return Optional.empty();
                }
                if (packet instanceof SymmetricKeyEncSessionPacket s && session == null
                        && s.getVersion() == SymmetricKeyEncSessionPacket.VERSION_4) {
                    session = s;
                } else if (packet instanceof SymmetricEncIntegrityPacket data) {
                    return data.getVersion() == SymmetricEncIntegrityPacket.VERSION_1
                            ? check(session, data, true) : Optional.empty();
                } else if (packet instanceof SymmetricEncDataPacket data) {
                    return check(session, data, false);
                }
            }
            return Optional.empty();
        }
    }

    private static Optional<PasswordCheck> check(SymmetricKeyEncSessionPacket session, InputStreamPacket data,
                                                 boolean integrity) throws Exception {
        if (session == null) {
            return Optional.empty();
        }
        byte[] prefix = data.getInputStream().readNBytes(OpenPgpVerifier.PREFIX_BYTES);
        byte[] secKey = session.getSecKeyData() == null ? new byte[0] : session.getSecKeyData();
        OpenPgpVerifier.Kept kept = new OpenPgpVerifier.Kept(session.getEncAlgorithm(), session.getS2K().getEncoded(),
                secKey, integrity, prefix);
        return Optional.of(PasswordCheck.of(CheckFormat.OPENPGP, OpenPgpVerifier.material(kept)));
    }
}
