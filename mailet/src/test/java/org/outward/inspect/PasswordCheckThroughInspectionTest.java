package org.outward.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outward.fixtures.Fixtures;
import org.outward.fixtures.ProtectionFixture;
import org.outward.protect.Protection;
import org.outward.protect.ProtectionChecks;
import org.outward.protect.ProtectionLevel;
import org.outward.protect.verify.CheckFormat;

/**
 * An encrypted attachment's own password check comes out of the inspection on its part, through the whole
 * walk of a real MIME message; plain attachments, the body and archive entries carry none, and a check that
 * cannot be read never changes the verdict.
 */
class PasswordCheckThroughInspectionTest {

    private static final String PASSWORD = "Outward-fixture-1";

    @TempDir
    Path temp;

    private final MessageInspector inspector = new MessageInspector(InspectionLimits.defaults(),
            ProtectionChecks.defaults());

    @AfterEach
    void stop() {
        inspector.close();
    }

    private static byte[] fixture(String suffix) {
        return Fixtures.protection().stream().filter(f -> f.path().endsWith(suffix)).findFirst()
                .map(ProtectionFixture::bytes).orElseThrow();
    }

    @Test
    void anEncryptedAttachmentCarriesItsCheckOut() {
        Inspection inspection = inspector.inspect(Mail.stream(Mail.message("pc1",
                Mail.text("The walk sheets, password to follow."),
                Mail.attachment("application/zip; name=\"walk-sheets.zip\"", "; filename=\"walk-sheets.zip\"",
                        fixture("zip/aes256-7zip.zip")),
                Mail.attachment("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet; name=\"list.xlsx\"",
                        "; filename=\"list.xlsx\"", fixture("office/agile-aes256-poi.xlsx")))));

        InspectedPart zip = inspection.part("2/walk-sheets.zip").orElseThrow();
        assertThat(zip.protection().level()).isEqualTo(ProtectionLevel.STRONG);
        assertThat(zip.passwordCheck()).hasValueSatisfying(check -> {
            assertThat(check.format()).isEqualTo(CheckFormat.ZIP_AES);
            assertThat(check.opens(PASSWORD)).isTrue();
            assertThat(check.opens("Outward-fixture-2")).isFalse();
        });
        InspectedPart xlsx = inspection.part("3/list.xlsx").orElseThrow();
        assertThat(xlsx.passwordCheck()).hasValueSatisfying(check -> assertThat(check.opens(PASSWORD)).isTrue());
        assertThat(inspection.part("1").orElseThrow().passwordCheck()).isEmpty();
        assertThat(inspection.parts().toString()).doesNotContain(PASSWORD);
    }

    @Test
    void aWeakFileCarriesItsCheckAndAPlainOneNone() throws Exception {
        Path weak = temp.resolve("budget.pdf");
        Files.write(weak, fixture("pdf/rc4-40-user.pdf"));
        assertThat(inspector.inspectFile(weak, "budget.pdf").part("1/budget.pdf").orElseThrow().passwordCheck())
                .hasValueSatisfying(check -> assertThat(check.opens(PASSWORD)).isTrue());

        Path plain = temp.resolve("members.csv");
        Files.write(plain, fixture("plain/members.csv"));
        assertThat(inspector.inspectFile(plain, "members.csv").part("1/members.csv").orElseThrow().passwordCheck())
                .isEmpty();
    }

    @Test
    void anUnreadableCheckLeavesTheVerdictAlone() {
        // The assessor says strong, but the bytes hold no check: the part keeps its verdict and just has none.
        try (MessageInspector told = new MessageInspector(InspectionLimits.defaults(),
                (file, type, name) -> Protection.of(ProtectionLevel.STRONG, "ZIP WinZip AES-256"))) {
            Inspection inspection = told.inspect(Mail.stream(Mail.message("pc2", Mail.text("hi"),
                    Mail.attachment("application/zip; name=\"x.zip\"", "; filename=\"x.zip\"",
                            "PK\u0003\u0004 not really a zip".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)))));
            InspectedPart part = inspection.part("2/x.zip").orElseThrow();
            assertThat(part.protection().level()).isEqualTo(ProtectionLevel.STRONG);
            assertThat(part.passwordCheck()).isEmpty();
        }
    }

    @Test
    void aSlowCheckReaderTimesOutWithoutTouchingTheVerdict() {
        InspectionLimits hurried = InspectionLimits.defaults().withTimePerPart(Duration.ofSeconds(2));
        try (MessageInspector slow = new MessageInspector(hurried, ProtectionChecks.defaults(),
                ParserIsolation.defaults(), (file, type) -> {
                    Thread.sleep(20_000);
                    throw new AssertionError("never reached");
                })) {
            long started = System.nanoTime();
            Inspection inspection = slow.inspect(Mail.stream(Mail.message("pc3", Mail.text("hi"),
                    Mail.attachment("application/zip; name=\"w.zip\"", "; filename=\"w.zip\"", fixture("zip/aes256-7zip.zip")))));
            InspectedPart part = inspection.part("2/w.zip").orElseThrow();
            assertThat(part.protection().level()).isEqualTo(ProtectionLevel.STRONG);
            assertThat(part.passwordCheck()).isEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
        }
    }
}
