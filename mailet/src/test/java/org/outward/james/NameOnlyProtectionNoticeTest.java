package org.outward.james;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import javax.mail.Multipart;

import org.apache.james.core.MailAddress;
import org.apache.james.core.builder.MimeMessageBuilder;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.outward.fixtures.DefaultPasswordWorkbook;
import org.outward.fixtures.Fixtures;
import org.outward.fixtures.ProtectionFixture;

/**
 * A file whose protection is in name only, sent to an outside address through the gateway's own mailets under the
 * default policy: the sender's notice says, for that file's family, why the protection does not count, and how to
 * encrypt properly.
 */
class NameOnlyProtectionNoticeTest {

    private static final String HOW_TO = "Encrypt it again, properly: in 7-Zip choose Encryption method AES-256,"
            + " never ZipCrypto; in Microsoft Office 2013 or later use File, Info, Protect Workbook (or Protect"
            + " Document), Encrypt with Password";

    @TempDir
    Path temp;

    static Stream<Arguments> files() throws Exception {
        return Stream.of(
                Arguments.of("members.zip", "application/zip", protectionFixture("zip/zipcrypto-7zip.zip"),
                        "members.zip: is protected with ZIP ZipCrypto, the zip format's old encryption: it is broken,"
                                + " and tools open the file without the password, so it does not count as encryption"),
                Arguments.of("minutes.pdf", "application/pdf", protectionFixture("pdf/rc4-40-user.pdf"),
                        "minutes.pdf: is protected with PDF RC4-40 user password, an old encryption that is broken:"
                                + " tools open the file without the password in minutes"),
                Arguments.of("accounts.xls", "application/vnd.ms-excel", protectionFixture("office/cryptoapi-rc4-poi.xls"),
                        "accounts.xls: is protected with Excel 97-2003 CryptoAPI RC4, an old encryption that is broken"),
                Arguments.of("canvass.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        DefaultPasswordWorkbook.of(Fixtures.get("personal/positive/canvass-1.csv").bytes()),
                        "people with political opinions or other special category data (such as voting intentions or"
                                + " canvass results), and is encrypted with Excel's built-in default password: anyone"
                                + " can open it, because Office opens it without asking for a password, so it does not"
                                + " count as encryption."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void theNoticeSaysWhyTheProtectionDoesNotCountAndHowToEncrypt(String name, String type, byte[] bytes,
                                                                  String why) throws Exception {
        FakeMailContext context = FakeMailContext.builder()
                .postmaster(new MailAddress("postmaster@gateway.outward.invalid")).build();
        Inspect inspect = DefaultPolicyInspect.start(temp, Duration.ofSeconds(30));
        NotifySender notify = new NotifySender();
        notify.init(FakeMailetConfig.builder().mailetName("NotifySender").mailetContext(context).build());
        FakeMail mail = FakeMail.builder().name("m1").sender("sam@party.example").recipient("agent@example.org")
                .mimeMessage(MimeMessageBuilder.mimeMessageBuilder().setSubject("The file")
                        .setContent(MimeMessageBuilder.multipartBuilder()
                                .addBody(MimeMessageBuilder.bodyPartBuilder().data("Here it is."))
                                .addBody(MimeMessageBuilder.bodyPartBuilder().data(bytes).filename(name)
                                        .type(type).disposition("attachment"))))
                .build();

        inspect.service(mail);
        notify.service(mail);

        assertThat(context.getSentMails()).singleElement().satisfies(sent -> {
            Multipart alternatives = (Multipart) sent.getMsg().getContent();
            String text = ((String) alternatives.getBodyPart(0).getContent()).replaceAll("\\s+", " ");
            assertThat(text).contains(why).contains(HOW_TO)
                    .contains("A password protects a file only when the encryption behind it is sound")
                    .doesNotContain("VelvetSweatshop");
        });
        inspect.destroy();
    }

    private static byte[] protectionFixture(String suffix) {
        return Fixtures.protection().stream().filter(f -> f.path().endsWith(suffix)).findFirst()
                .map(ProtectionFixture::bytes).orElseThrow();
    }
}
