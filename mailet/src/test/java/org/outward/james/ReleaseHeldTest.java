package org.outward.james;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import javax.mail.Multipart;
import javax.mail.internet.MimeMessage;

import org.apache.james.core.MailAddress;
import org.apache.james.core.builder.MimeMessageBuilder;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outward.policy.Action;
import org.outward.policy.Decision;
import org.outward.policy.Fact;
import org.outward.policy.FindingKind;
import org.outward.protect.ProtectionLevel;

/** A held mail an admin released: marked released, the rules that held it named, the sender told in their language. */
class ReleaseHeldTest {

    private static final Fact CANVASS = new Fact(FindingKind.SPECIAL_CATEGORY_DATA, "2/canvass.xlsx", "canvass.xlsx",
            ProtectionLevel.NONE, 312, 0.9, "312 rows: J*** S****, LA9 4**");

    private FakeMailContext context;
    private ReleaseHeld mailet;

    @BeforeEach
    void setUp() throws Exception {
        context = FakeMailContext.builder().postmaster(new MailAddress("postmaster@gateway.outward.invalid")).build();
        mailet = new ReleaseHeld();
        mailet.init(FakeMailetConfig.builder().mailetName("ReleaseHeld").mailetContext(context).build());
    }

    private static FakeMail held(String sender, String language) throws Exception {
        FakeMail.Builder builder = FakeMail.builder().name("m1").recipients("someone@example.org")
                .mimeMessage(MimeMessageBuilder.mimeMessageBuilder().setSubject("Canvass returns").setText("see attached")
                        .addHeader("Message-ID", "<canvass.1@party.example>")
                        .addHeader(AddVerdictHeaders.VERDICT, "block"));
        FakeMail mail = (sender == null ? builder : builder.sender(sender)).build();
        DecisionAttributes.write(mail, new Decision(List.of(new Decision.RecipientDecision("someone@example.org",
                "external", Action.BLOCK, List.of(new Decision.FiredRule("special-category-unprotected", Action.BLOCK,
                        List.of(CANVASS))), "special-category-unprotected"))), List.of(CANVASS));
        DecisionAttributes.writeNoticeSettings(mail, language, "[secure]");
        return mail;
    }

    @Test
    void theReleasedMailSaysSoAndTheSenderIsToldInWelsh() throws Exception {
        FakeMail mail = held("sam@party.example", "cy");

        mailet.service(mail);

        MimeMessage released = mail.getMessage();
        assertThat(released.getHeader("X-Outward-Verdict")).containsExactly("released");
        assertThat(released.getHeader("X-Outward-Rules")).containsExactly("special-category-unprotected");
        assertThat(released.getHeader("X-Outward-Released")).singleElement().asString().matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(context.getSentMails()).singleElement().satisfies(sent -> {
            assertThat(sent.getRecipients()).containsExactly(new MailAddress("sam@party.example"));
            MimeMessage notice = sent.getMsg();
            assertThat(notice.getSubject()).isEqualTo("Wedi'i ryddhau: Canvass returns");
            assertThat(notice.getHeader("In-Reply-To")).containsExactly("<canvass.1@party.example>");
            String text = (String) ((Multipart) notice.getContent()).getBodyPart(0).getContent();
            assertThat(text).contains("Mae gweinyddwr wedi edrych ar eich neges").contains("someone@example.org")
                    .doesNotContain("see attached").doesNotContain("312 rows");
        });
    }

    @Test
    void mailWithoutASenderIsReleasedWithoutANotice() throws Exception {
        FakeMail mail = held(null, "en");

        mailet.service(mail);

        assertThat(mail.getMessage().getHeader("X-Outward-Verdict")).containsExactly("released");
        assertThat(context.getSentMails()).isEmpty();
    }
}
