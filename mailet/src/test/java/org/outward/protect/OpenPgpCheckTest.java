package org.outward.protect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;

import org.bouncycastle.bcpg.AEADAlgorithmTags;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.S2K;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPBEKeyEncryptionMethodGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPGPDataEncryptorBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenPGP passphrase encryption as other implementations write it, armoured as {@code .asc} and binary: the
 * integrity-protected packet of RFC 4880 (GnuPG 2.2, OpenPGP.js), LibrePGP's OCB packet with a version 5 key packet
 * (GnuPG 2.4) and RFC 9580's version 2 packet with a version 6 key packet (Sequoia, OpenPGP.js 6, BouncyCastle),
 * with the classic and the Argon2 key derivation. Made here with BouncyCastle.
 */
class OpenPgpCheckTest {

    private final ProtectionChecks checks = ProtectionChecks.defaults();

    @TempDir
    Path folder;

    @ParameterizedTest(name = "{0} armoured={1}")
    @CsvSource({"SEIPD v1, true", "SEIPD v1, false", "OCB v5, true", "OCB v5, false", "SEIPD v2 OCB, true",
            "SEIPD v2 OCB, false", "SEIPD v2 Argon2, true"})
    void passphraseEncryptionWithAesIsStrongHoweverItIsPackaged(String packaging, boolean armoured) throws Exception {
        byte[] message = encrypt(packaging, armoured);
        Path file = Files.write(folder.resolve(armoured ? "members.csv.asc" : "members.csv.gpg"), message);

        Protection protection = checks.assess(file, armoured ? "text/plain" : "application/octet-stream",
                file.getFileName().toString());

        assertThat(protection.level()).as(protection.scheme() + " " + protection.notes()).isEqualTo(ProtectionLevel.STRONG);
        assertThat(protection.scheme()).contains("AES-256");
    }

    @org.junit.jupiter.api.Test
    void blankLinesOrAByteOrderMarkBeforeTheArmourChangeNothing() throws Exception {
        byte[] armour = encrypt("SEIPD v1", true);
        byte[] padded = concat("\uFEFF\r\n\r\n".getBytes(StandardCharsets.UTF_8), armour);

        assertThat(assessArmour(padded).level()).isEqualTo(ProtectionLevel.STRONG);
    }

    /**
     * An insider's way around: a real encrypted block, and the list in clear text beside it. The file is not
     * encrypted as a whole, so it must not be judged strong (which would leave its text unread).
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"before", "after"})
    void textBesideTheArmourMakesTheFileUnprotected(String where) throws Exception {
        byte[] armour = encrypt("SEIPD v1", true);
        byte[] list = "Name,Postcode\nRhiannon Pryce,CF24 3AA\nGareth Lloyd,CF10 1BH\n".getBytes(StandardCharsets.UTF_8);
        byte[] file = where.equals("before") ? concat(list, armour) : concat(armour, list);

        Protection protection = assessArmour(file);

        // Either way the file is judged unprotected, so its text (the list) is read and judged.
        assertThat(protection.level()).isEqualTo(ProtectionLevel.NONE);
    }

    private Protection assessArmour(byte[] bytes) throws Exception {
        Path file = Files.write(folder.resolve("members.asc"), bytes);
        return checks.assess(file, "text/plain", "members.asc");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static byte[] encrypt(String packaging, boolean armoured) throws Exception {
        BcPGPDataEncryptorBuilder data = new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256);
        BcPBEKeyEncryptionMethodGenerator key = new BcPBEKeyEncryptionMethodGenerator("Outward-fixture-1".toCharArray());
        switch (packaging) {
            case "SEIPD v1" -> data.setWithIntegrityPacket(true);
            case "OCB v5" -> data.setWithAEAD(AEADAlgorithmTags.OCB, 6).setUseV5AEAD();
            case "SEIPD v2 OCB" -> data.setWithAEAD(AEADAlgorithmTags.OCB, 6).setUseV6AEAD();
            case "SEIPD v2 Argon2" -> {
                data.setWithAEAD(AEADAlgorithmTags.OCB, 6).setUseV6AEAD();
                key = new BcPBEKeyEncryptionMethodGenerator("Outward-fixture-1".toCharArray(),
                        S2K.Argon2Params.memoryConstrainedParameters());
                key.setSecureRandom(new java.security.SecureRandom());
            }
            default -> throw new IllegalArgumentException(packaging);
        }
        PGPEncryptedDataGenerator generator = new PGPEncryptedDataGenerator(data);
        generator.addMethod(key);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream sink = armoured ? new ArmoredOutputStream(bytes) : bytes;
             OutputStream encrypted = generator.open(sink, new byte[1 << 12]);
             OutputStream literal = new PGPLiteralDataGenerator().open(encrypted, PGPLiteralData.BINARY,
                     "members.csv", new Date(), new byte[1 << 12])) {
            literal.write("Name,Postcode\nRhiannon Pryce,CF24 3AA\n".getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
