package org.outward.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outward.protect.Protection;
import org.outward.protect.ProtectionLevel;

class MessageInspectorTest {

    /** What the fake assessor was asked: "path-less" triples of detected type and name. */
    static final List<String> ASKED = Collections.synchronizedList(new ArrayList<>());
    static MessageInspector inspector;

    @BeforeAll
    static void start() {
        inspector = new MessageInspector(InspectionLimits.defaults(), (file, type, name) -> {
            ASKED.add(type + " " + name);
            return Protection.none();
        });
    }

    @AfterAll
    static void stop() {
        inspector.close();
    }

    @Test
    void walksMultipartAndReadsCsvAsTable() {
        Inspection inspection = inspector.inspect(Mail.stream(Mail.message("b1",
                Mail.text("Here is the list."),
                Mail.attachment("text/csv; name=\"members.csv\"", "; filename=\"members.csv\"", Samples.csv()))));

        assertThat(inspection.parts()).extracting(InspectedPart::path).containsExactly("1", "2/members.csv");
        InspectedPart body = inspection.part("1").orElseThrow();
        assertThat(body.disposition()).isEqualTo(InspectedPart.Disposition.INLINE);
        assertThat(body.text().text()).contains("Here is the list.");

        InspectedPart csv = inspection.part("2/members.csv").orElseThrow();
        assertThat(csv.disposition()).isEqualTo(InspectedPart.Disposition.ATTACHMENT);
        assertThat(csv.detectedType()).isEqualTo("text/csv");
        assertThat(csv.declaredType()).isEqualTo("text/csv");
        assertThat(csv.flags()).isEmpty();
        assertThat(csv.protection().level()).isEqualTo(ProtectionLevel.NONE);
        assertThat(csv.text().tables()).hasSize(1);
        assertThat(csv.text().tables().get(0).rows().get(0))
                .containsExactly("Name", "Address", "Postcode", "Elector number");
        assertThat(csv.text().tables().get(0).rows()).hasSize(3);
        assertThat(inspection.findings()).isEmpty();
    }

    @Test
    void csvNamedPhotoJpgIsFlagged() {
        Inspection inspection = inspector.inspect(Mail.stream(Mail.message("b2",
                Mail.text("holiday"),
                Mail.attachment("image/jpeg; name=photo.jpg", "; filename=photo.jpg", Samples.csv()))));

        InspectedPart photo = inspection.part("2/photo.jpg").orElseThrow();
        assertThat(photo.detectedType()).startsWith("text/");
        assertThat(photo.flags()).contains(TypeFlag.EXTENSION_MISMATCH, TypeFlag.DECLARED_TYPE_MISMATCH);
        assertThat(photo.text().text()).contains("Elector number");
        assertThat(inspection.findings(FindingKind.TYPE_MISMATCH)).singleElement()
                .satisfies(f -> assertThat(f.partPath()).isEqualTo("2/photo.jpg"));
    }

    @Test
    void listNamedLikeAnArmouredEncryptedFileIsStillReadAsAnUnprotectedTable() {
        // Armoured OpenPGP is plain text to a detector, so the name alone cannot flag this; what keeps it from
        // slipping through is that protection and extraction go by the content, not the name.
        Inspection inspection = inspector.inspect(Mail.stream(Mail.message("b2a",
                Mail.text("encrypted as asked"),
                Mail.attachment("application/pgp-encrypted; name=members.asc", "; filename=members.asc", Samples.csv()))));

        InspectedPart fake = inspection.part("2/members.asc").orElseThrow();
        assertThat(fake.detectedType()).startsWith("text/");
        assertThat(fake.protection().level()).isEqualTo(ProtectionLevel.NONE);
        assertThat(fake.text().tables()).singleElement()
                .satisfies(t -> assertThat(t.rows().get(0)).contains("Elector number"));
    }

    @Test
    void xlsxSentAsOctetStreamIsDetectedAndKeepsItsSheet() throws Exception {
        Inspection inspection = inspector.inspect(Mail.stream(Mail.message("b3",
                Mail.text("canvass sheet"),
                Mail.attachment("application/octet-stream", "; filename=\"canvass.xlsx\"", Samples.xlsx()))));

        InspectedPart xlsx = inspection.part("2/canvass.xlsx").orElseThrow();
        assertThat(xlsx.detectedType()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(xlsx.flags()).isEmpty(); // octet-stream declares nothing; the name agrees with the content
        assertThat(xlsx.text().tables()).singleElement().satisfies(t -> {
            assertThat(t.name()).isEqualTo("Canvass");
            assertThat(t.rows().get(0)).containsExactly("Name", "Postcode", "Phone");
            assertThat(t.rows()).hasSize(3);
        });
        assertThat(ASKED).contains("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet canvass.xlsx");
    }

    @Test
    void rfc2231AndRfc2047NamesAreDecoded() {
        String raw = Mail.message("b4",
                Mail.text("names"),
                Mail.attachment("text/csv", "; filename*0*=utf-8''Aelodau%20Caerdydd%20; filename*1*=%E2%80%93%20ward.csv",
                        Samples.csv()),
                Mail.attachment("text/csv; name=\"=?UTF-8?B?w4lsZWN0ZXVycy5jc3Y=?=\"", "", Samples.csv()));

        Inspection inspection = inspector.inspect(Mail.stream(raw));

        assertThat(inspection.parts()).extracting(InspectedPart::declaredName)
                .containsExactly("", "Aelodau Caerdydd – ward.csv", "Électeurs.csv");
        assertThat(inspection.part("2/Aelodau Caerdydd – ward.csv")).isPresent();
    }

    @Test
    void forwardedMessageAttachmentsAreWalked() throws Exception {
        String inner = Mail.message("inner",
                Mail.text("Original message"),
                Mail.attachment("application/octet-stream", "; filename=\"budget.xlsx\"", Samples.xlsx()));
        String raw = Mail.message("outer",
                Mail.text("FYI, see below"),
                "Content-Type: message/rfc822\r\nContent-Disposition: attachment; filename=\"fwd.eml\"\r\n\r\n" + inner);

        Inspection inspection = inspector.inspect(Mail.stream(raw));

        assertThat(inspection.parts()).extracting(InspectedPart::path)
                .containsExactly("1", "2/fwd.eml", "2/fwd.eml/1", "2/fwd.eml/2/budget.xlsx");
        assertThat(inspection.part("2/fwd.eml").orElseThrow().detectedType()).isEqualTo("message/rfc822");
        assertThat(inspection.part("2/fwd.eml/2/budget.xlsx").orElseThrow().text().tables()).hasSize(1);
    }

    @Test
    void disguisedNamesAreFlagged() {
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        Inspection inspection = inspector.inspect(Mail.stream(Mail.message("b5",
                Mail.text("invoices"),
                Mail.attachment("application/pdf", "; filename=\"invoice.pdf.exe\"", exe),
                Mail.attachment("application/pdf", "; filename*=utf-8''report%E2%80%AEfdp.exe", exe))));

        assertThat(inspection.part("2/invoice.pdf.exe").orElseThrow().flags()).contains(TypeFlag.DOUBLE_EXTENSION);
        InspectedPart rlo = inspection.parts().get(2);
        assertThat(rlo.flags()).contains(TypeFlag.BIDI_CONTROL_IN_NAME);
        // The path shows the override as an escape, so it cannot reverse a log line.
        assertThat(rlo.path()).isEqualTo("3/report\\u202Efdp.exe").doesNotContain("\u202E");
    }

    @Test
    void truncatedBase64DoesNotThrow() {
        String b64 = Base64.getMimeEncoder().encodeToString(Samples.csv());
        String raw = Mail.message("b6", Mail.text("cut"),
                "Content-Type: text/csv; name=a.csv\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                        + b64.substring(0, b64.length() / 2 + 1) + "%%%!!\r\n");

        Inspection inspection = inspector.inspect(Mail.stream(raw));

        assertThat(inspection.parts()).hasSize(2);
        assertThat(inspection.part("2/a.csv").orElseThrow().text().tables().get(0).rows().get(0))
                .containsExactly("Name", "Address", "Postcode", "Elector number");
    }

    @Test
    void missingAndBrokenContentTypeStillWalk() {
        String raw = "From: a@b.example\r\nSubject: none\r\n\r\nJust text, no MIME at all.\r\n";
        Inspection plain = inspector.inspect(Mail.stream(raw));
        assertThat(plain.parts()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("1");
            assertThat(p.declaredType()).isEmpty();
            assertThat(p.text().text()).contains("Just text");
        });

        String broken = "From: a@b.example\r\nContent-Type: ;;garbage==\r\n\r\nStill text.\r\n";
        assertThat(inspector.inspect(Mail.stream(broken)).parts()).singleElement()
                .satisfies(p -> assertThat(p.declaredType()).isEmpty());
    }

    @Test
    void tenLevelsOfMultipartAreWalkedAndDeeperIsAFinding() {
        Inspection ten = inspector.inspect(Mail.stream(nested(10)));
        assertThat(ten.findings(FindingKind.DEPTH_LIMIT)).isEmpty();
        assertThat(ten.parts()).singleElement()
                .satisfies(p -> assertThat(p.path()).isEqualTo("1/1/1/1/1/1/1/1/1/1"));

        long start = System.nanoTime();
        Inspection deep = inspector.inspect(Mail.stream(nested(500)));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(deep.findings(FindingKind.DEPTH_LIMIT)).isNotEmpty();
        assertThat(deep.parts()).isEmpty();
    }

    private static String nested(int levels) {
        String body = Mail.text("deep");
        for (int i = levels; i >= 1; i--) {
            body = "Content-Type: multipart/mixed; boundary=\"l" + i + "\"\r\n\r\n" + Mail.multipart("l" + i, body);
        }
        return "From: a@b.example\r\nMIME-Version: 1.0\r\n" + body;
    }

    @Test
    void tarGzIsOpenedRecursively(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("export.tar.gz");
        Files.write(file, Samples.tarGz("people.csv", Samples.csv()));

        Inspection inspection = inspector.inspectFile(file, "export.tar.gz");

        assertThat(inspection.parts()).extracting(InspectedPart::path).containsExactly(
                "1/export.tar.gz", "1/export.tar.gz/1/export.tar", "1/export.tar.gz/1/export.tar/1/people.csv");
        InspectedPart csv = inspection.parts().get(2);
        assertThat(csv.disposition()).isEqualTo(InspectedPart.Disposition.ARCHIVE_ENTRY);
        assertThat(csv.text().tables().get(0).rows()).hasSize(3);
        assertThat(inspection.findings()).isEmpty();
    }

    @Test
    void docxTablesSurvive(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("x");
        Files.write(file, Samples.docxWithTable());

        InspectedPart docx = inspector.inspectFile(file, "volunteers.docx").parts().get(0);

        assertThat(docx.path()).isEqualTo("1/volunteers.docx");
        assertThat(docx.text().text()).contains("Volunteers for Saturday");
        assertThat(docx.text().tables()).singleElement()
                .satisfies(t -> assertThat(t.rows()).containsExactly(List.of("Name", "Ward"), List.of("Ann Jones", "Castle")));
    }

    @Test
    void tempFilesAreDeleted(@TempDir Path dir) throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Path file = dir.resolve("a.zip");
        Files.write(file, Samples.zip("a.csv", Samples.csv(), "b.csv", Samples.csv()));
        List<Path> before = runDirs(tmp);
        Inspection inspection = inspector.inspectFile(file, "a.zip");
        assertThat(inspection.parts()).hasSize(3);
        assertThat(runDirs(tmp)).isEqualTo(before);
    }

    private static List<Path> runDirs(Path tmp) throws Exception {
        try (var all = Files.list(tmp)) {
            return all.filter(p -> p.getFileName().toString().startsWith("outward-inspect-")).sorted().toList();
        }
    }

    @Test
    void findingsCarryNoContent() {
        Inspection inspection = inspector.inspect(Mail.stream(Mail.message("b7",
                Mail.attachment("image/png", "; filename=\"x.png\"", Samples.csv()))));
        assertThat(inspection.findings()).isNotEmpty();
        assertThat(inspection.findings().toString()).doesNotContain("Ann Jones", "AB1");
        assertThat(inspection.parts().toString()).doesNotContain("Ann Jones", "AB1");
    }

    @Test
    void messageLevelSmimeIsRecorded() {
        MessageInspector strong = new MessageInspector(InspectionLimits.defaults(),
                (file, type, name) -> name.equals("smime.p7m")
                        ? Protection.of(ProtectionLevel.STRONG, "CMS EnvelopedData AES-256") : Protection.none());
        try (strong) {
            String raw = Mail.headers("application/pkcs7-mime; smime-type=enveloped-data; name=smime.p7m")
                    + "Content-Transfer-Encoding: base64\r\n\r\n"
                    + Base64.getMimeEncoder().encodeToString(new byte[] {0x30, (byte) 0x80, 6, 9, 42}) + "\r\n";
            Inspection inspection = strong.inspect(Mail.stream(raw));
            assertThat(inspection.messageProtection()).hasValueSatisfying(
                    p -> assertThat(p.scheme()).isEqualTo("CMS EnvelopedData AES-256"));

            Inspection ordinary = strong.inspect(Mail.stream(Mail.message("b8", Mail.text("hi"))));
            assertThat(ordinary.messageProtection()).isEmpty();
        }
    }

    @Test
    void pgpMimeMessageProtectionComesFromTheEncryptedPart() {
        MessageInspector pgp = new MessageInspector(InspectionLimits.defaults(),
                (file, type, name) -> name.equals("encrypted.asc")
                        ? Protection.of(ProtectionLevel.STRONG, "OpenPGP AES-256") : Protection.none());
        try (pgp) {
            String raw = Mail.headers("multipart/encrypted; protocol=\"application/pgp-encrypted\"; boundary=\"e\"")
                    + "\r\n" + Mail.multipart("e",
                    "Content-Type: application/pgp-encrypted\r\n\r\nVersion: 1\r\n",
                    "Content-Type: application/octet-stream; name=encrypted.asc\r\n\r\n"
                            + "-----BEGIN PGP MESSAGE-----\r\n\r\nhQEMA1234\r\n-----END PGP MESSAGE-----\r\n");
            assertThat(pgp.inspect(Mail.stream(raw)).messageProtection())
                    .hasValueSatisfying(p -> assertThat(p.level()).isEqualTo(ProtectionLevel.STRONG));
        }
    }

    @Test
    void textLimitIsAFinding() {
        StringBuilder big = new StringBuilder(Samples.CSV);
        for (int i = 0; i < 5_000; i++) {
            big.append("Person ").append(i).append(",1 Street,AB1 2CD,KA").append(i).append('\n');
        }
        try (MessageInspector small = new MessageInspector(InspectionLimits.defaults().withMaxTextCharsPerPart(10_000),
                (f, t, n) -> Protection.none())) {
            Inspection inspection = small.inspect(Mail.stream(Mail.message("b9",
                    Mail.attachment("text/csv", "; filename=big.csv", big.toString().getBytes(StandardCharsets.UTF_8)))));
            InspectedPart csv = inspection.part("1/big.csv").orElseThrow();
            assertThat(csv.text().text().length()).isLessThanOrEqualTo(10_000);
            assertThat(csv.text().truncated()).isTrue();
            assertThat(csv.text().tables().get(0).rows().get(0)).contains("Name");
            assertThat(inspection.findings(FindingKind.TEXT_LIMIT)).hasSize(1);
        }
    }

    @Test
    void slowAssessorHitsTheTimeLimit() {
        try (MessageInspector slow = new MessageInspector(
                InspectionLimits.defaults().withTimePerPart(Duration.ofMillis(300)),
                (f, t, n) -> {
                    try {
                        Thread.sleep(10_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return Protection.none();
                })) {
            long start = System.nanoTime();
            Inspection inspection = slow.inspect(Mail.stream(Mail.message("b10", Mail.text("hello"))));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(inspection.part("1").orElseThrow().protection().level()).isEqualTo(ProtectionLevel.UNKNOWN);
            assertThat(inspection.findings(FindingKind.TIME_LIMIT)).hasSize(1);
        }
    }
}
