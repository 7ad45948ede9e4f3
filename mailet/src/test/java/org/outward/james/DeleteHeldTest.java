package org.outward.james;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import javax.mail.Multipart;
import javax.mail.internet.MimeMessage;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Held mail an admin deleted: the sender is told in the policy's language when the policy in force says so, never
 * with the content or the evidence, and the mail goes no further whatever happens to the notice.
 */
class DeleteHeldTest {

    static final String POLICY = """
            version: 1
            notices: {language: LANGUAGE, tell-sender-on-delete: TELL, dpo-address: dpo@party.example}
            rules: [{id: special-category-unprotected, when: {finding: special-category-data}, action: block}]
            """;

    @TempDir
    Path temp;

    private DeleteHeld mailet(FakeMailContext context, String language, boolean tell) throws Exception {
        Path policy = temp.resolve("policy.yaml");
        Files.writeString(policy, POLICY.replace("LANGUAGE", language).replace("TELL", Boolean.toString(tell)));
        DeleteHeld mailet = new DeleteHeld();
        mailet.init(FakeMailetConfig.builder().mailetName("DeleteHeld").mailetContext(context)
                .setProperty("policy", policy.toString()).build());
        return mailet;
    }

    private static FakeMailContext context() throws Exception {
        return FakeMailContext.builder().postmaster(new MailAddress("postmaster@gateway.outward.invalid")).build();
    }

    private static FakeMail held(String sender) throws Exception {
        return BlockedCanvass.held(sender, "en");
    }

    private static String text(MimeMessage notice) throws Exception {
        return (String) ((Multipart) notice.getContent()).getBodyPart(0).getContent();
    }

    @Test
    void thePolicyInForceSaysTellSoTheSenderIsToldInWelshAndTheMailGoesNoFurther() throws Exception {
        FakeMailContext context = context();
        FakeMail mail = held("sam@party.example");

        mailet(context, "cy", true).service(mail);

        assertThat(mail.getState()).isEqualTo(Mail.GHOST);
        assertThat(context.getSentMails()).singleElement().satisfies(sent -> {
            assertThat(sent.getRecipients()).containsExactly(new MailAddress("sam@party.example"));
            MimeMessage notice = sent.getMsg();
            assertThat(notice.getSubject()).isEqualTo("Wedi'i dileu: Canvass returns");
            assertThat(notice.getHeader("In-Reply-To")).containsExactly("<canvass.1@party.example>");
            assertThat(notice.getHeader("Reply-To")).containsExactly("dpo@party.example");
            assertThat(text(notice)).contains("Mae gweinyddwr wedi dileu eich neges").contains("someone@example.org")
                    .doesNotContain("see attached").doesNotContain("312 rows").doesNotContain("deleted");
        });
    }

    @Test
    void inBothLanguagesWelshComesFirst() throws Exception {
        FakeMailContext context = context();

        mailet(context, "both", true).service(held("sam@party.example"));

        MimeMessage notice = context.getSentMails().get(0).getMsg();
        assertThat(notice.getSubject()).isEqualTo("Wedi'i dileu: Canvass returns / Deleted: Canvass returns");
        assertThat(text(notice).indexOf("Mae gweinyddwr")).isLessThan(text(notice).indexOf("An administrator deleted"));
    }

    @Test
    void thePolicyInForceSaysDoNotTellSoNobodyIsToldAndTheMailStillGoesNoFurther() throws Exception {
        FakeMailContext context = context();
        FakeMail mail = held("sam@party.example");

        mailet(context, "en", false).service(mail);

        assertThat(mail.getState()).isEqualTo(Mail.GHOST);
        assertThat(context.getSentMails()).isEmpty();
    }

    @Test
    void mailWithoutASenderIsDeletedWithoutANotice() throws Exception {
        FakeMailContext context = context();
        FakeMail mail = held(null);

        mailet(context, "en", true).service(mail);

        assertThat(mail.getState()).isEqualTo(Mail.GHOST);
        assertThat(context.getSentMails()).isEmpty();
    }

    @Test
    void aNoticeThatCannotBeWrittenDoesNotKeepTheMailAlive() throws Exception {
        FakeMailContext noPostmaster = FakeMailContext.builder().build();
        FakeMail mail = held("sam@party.example");

        mailet(noPostmaster, "en", true).service(mail);

        assertThat(mail.getState()).isEqualTo(Mail.GHOST);
        assertThat(noPostmaster.getSentMails()).isEmpty();
    }
}
