package org.outward.james;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import javax.mail.Multipart;

import org.apache.james.core.MailAddress;
import org.apache.james.core.builder.MimeMessageBuilder;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outward.fixtures.Fixtures;

/**
 * A list of people sent outside through the gateway's own mailets under the default policy: the sender's notice
 * gives what was found (how many records, which kinds of data) in the notice's own language.
 */
class NoticeEvidenceLanguageTest {

    @TempDir
    Path temp;

    private FakeMailContext context;
    private Inspect inspect;
    private NotifySender notify;

    @BeforeEach
    void setUp() throws Exception {
        context = FakeMailContext.builder().postmaster(new MailAddress("postmaster@gateway.outward.invalid")).build();
        inspect = DefaultPolicyInspect.start(temp, Duration.ofSeconds(30));
        notify = new NotifySender();
        notify.init(FakeMailetConfig.builder().mailetName("NotifySender").mailetContext(context).build());
    }

    @AfterEach
    void tearDown() {
        inspect.destroy();
    }

    private String evidenceLine(String fixture, String language) throws Exception {
        FakeMail mail = FakeMail.builder().name("m1").sender("sam@party.example").recipient("agent@example.org")
                .mimeMessage(MimeMessageBuilder.mimeMessageBuilder().setSubject("The list")
                        .setContent(MimeMessageBuilder.multipartBuilder()
                                .addBody(MimeMessageBuilder.bodyPartBuilder().data("Here it is."))
                                .addBody(MimeMessageBuilder.bodyPartBuilder()
                                        .data(Fixtures.get("personal/positive/" + fixture).bytes())
                                        .filename("list.csv").type("text/csv").disposition("attachment"))))
                .build();
        inspect.service(mail);
        DecisionAttributes.writeNoticeSettings(mail, language, "[secure]");
        notify.service(mail);
        assertThat(context.getSentMails()).hasSize(1);
        String text = (String) ((Multipart) context.getSentMails().get(0).getMsg().getContent()).getBodyPart(0)
                .getContent();
        return text.lines().filter(l -> l.startsWith("- list.csv:")).findFirst().orElseThrow();
    }

    @Test
    void aWelshNoticeGivesThePersonalDataFoundInWelsh() throws Exception {
        String line = evidenceLine("email-list-1.csv", "cy");

        assertThat(line).containsPattern("\\(\\d+ cofnod: [^)]*cyfeiriad e-bost");
        assertThat(line).doesNotContain("record").doesNotContain("email").doesNotContain("e.g.");
    }

    @Test
    void aWelshNoticeGivesTheSpecialCategoryDataFoundInWelsh() throws Exception {
        String line = evidenceLine("canvass-1.csv", "cy");

        assertThat(line).containsPattern("\\(\\d+ cofnod gyda [^)]*barn wleidyddol");
        assertThat(line).doesNotContain("record").doesNotContain("political opinion").doesNotContain("e.g.");
    }

    @Test
    void anEnglishNoticeGivesThePersonalDataFoundInEnglish() throws Exception {
        String line = evidenceLine("email-list-1.csv", "en");

        assertThat(line).containsPattern("\\(\\d+ records: [^)]*email");
        assertThat(line).doesNotContain("cofnod").doesNotContain("cyfeiriad e-bost");
    }
}
