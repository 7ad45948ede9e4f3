package org.outward.james;

import static org.assertj.core.api.Assertions.assertThat;


import javax.mail.Multipart;
import javax.mail.internet.MimeMessage;

import org.apache.james.core.MailAddress;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A held mail an admin released: marked released, the rules that held it named, the sender told in their language. */
class ReleaseHeldTest {


    private FakeMailContext context;
    private ReleaseHeld mailet;

    @BeforeEach
    void setUp() throws Exception {
        context = FakeMailContext.builder().postmaster(new MailAddress("postmaster@gateway.outward.invalid")).build();
        mailet = new ReleaseHeld();
        mailet.init(FakeMailetConfig.builder().mailetName("ReleaseHeld").mailetContext(context).build());
    }

    private static FakeMail held(String sender, String language) throws Exception {
        return BlockedCanvass.held(sender, language);
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
