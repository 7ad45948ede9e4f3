package org.outward.protect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.PublicKeyProtectionPolicy;
import org.apache.pdfbox.pdmodel.encryption.PublicKeyRecipient;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PDF protection as other tools write it: object streams (PDF 1.5 and later), certificate (public-key) security,
 * rights-management handlers, and PDF 2.0's unencrypted wrapper around an encrypted payload. The shipped
 * fixtures (qpdf) cover the plain cases; these are made here with PDFBox or assembled by hand.
 */
class PdfCheckTest {

    private final ProtectionChecks checks = ProtectionChecks.defaults();

    @TempDir
    Path folder;

    @Test
    void aUserPasswordUnderAes256WithObjectStreamsIsStrong() throws Exception {
        StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-Outward-fixture-1", "Outward-fixture-1",
                new AccessPermission());
        policy.setEncryptionKeyLength(256);

        Protection protection = assess(page(doc -> doc.protect(policy), true));

        assertThat(protection.level()).isEqualTo(ProtectionLevel.STRONG);
        assertThat(protection.scheme()).isEqualTo("PDF AES-256 user password");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"256, true, STRONG, PDF public-key AES-256",
            "128, true, STRONG, PDF public-key AES-128", "128, false, WEAK, PDF public-key RC4-128"})
    void certificateEncryptionIsJudgedByItsCipher(int bits, boolean aes, ProtectionLevel level, String scheme)
            throws Exception {
        PublicKeyProtectionPolicy policy = new PublicKeyProtectionPolicy();
        PublicKeyRecipient recipient = new PublicKeyRecipient();
        recipient.setX509(certificate());
        recipient.setPermission(new AccessPermission());
        policy.addRecipient(recipient);
        policy.setEncryptionKeyLength(bits);
        policy.setPreferAES(aes);

        Protection protection = assess(page(doc -> doc.protect(policy), false));

        assertThat(protection.level()).isEqualTo(level);
        assertThat(protection.scheme()).isEqualTo(scheme);
    }

    @Test
    void aRightsManagementHandlerIsStrong() throws Exception {
        Protection protection = assess(handAssembled("/Encrypt 4 0 R",
                "<< /Filter /MicrosoftIRMServices /V 4 /Length 128 /R 4 >>"));

        assertThat(protection.level()).isEqualTo(ProtectionLevel.STRONG);
        assertThat(protection.scheme()).isEqualTo("PDF MicrosoftIRMServices rights management");
    }

    @Test
    void anUnencryptedWrapperAroundAnEncryptedPayloadIsItselfUnprotected() throws Exception {
        // PDF 2.0: the cover document is plain; its payload is an embedded file judged as a part of its own.
        Protection protection = assess(handAssembled("",
                "<< /Type /EncryptedPayload /Subtype /MicrosoftIRMServices /Version 2 >>"));

        assertThat(protection.level()).isEqualTo(ProtectionLevel.NONE);
    }

    private Protection assess(byte[] pdf) throws Exception {
        Path file = Files.write(folder.resolve("case.pdf"), pdf);
        return checks.assess(file, "application/pdf", "case.pdf");
    }

    private interface Protecting {
        void apply(PDDocument doc) throws Exception;
    }

    private static byte[] page(Protecting protecting, boolean objectStreams) throws Exception {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(50, 700);
                content.showText("Ward 3 canvass returns");
                content.endText();
            }
            protecting.apply(doc);
            doc.save(out, objectStreams ? CompressParameters.DEFAULT_COMPRESSION : CompressParameters.NO_COMPRESSION);
            return out.toByteArray();
        }
    }

    private static X509Certificate certificate() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        X500Name name = new X500Name("CN=Outward test recipient");
        Date now = new Date();
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name,
                BigInteger.ONE, now, new Date(now.getTime() + 86_400_000L), name, keys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
    }

    /** A one-page PDF whose object 4 is the given dictionary, and whose trailer adds {@code trailerExtra}. */
    private static byte[] handAssembled(String trailerExtra, String object4) {
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
                object4);
        StringBuilder pdf = new StringBuilder("%PDF-1.7\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format("%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R ").append(trailerExtra)
                .append(" /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>] >>\n")
                .append("startxref\n").append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
