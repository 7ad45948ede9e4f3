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

class NotifySenderTest {

    private static final Fact CANVASS = new Fact(FindingKind.SPECIAL_CATEGORY_DATA, "2/canvass.xlsx", "canvass.xlsx",
            ProtectionLevel.NONE, 312, 0.9, "312 rows: J*** S****, LA9 4**");

    private FakeMailContext context;
    private NotifySender mailet;

    @BeforeEach
    void setUp() throws Exception {
        context = FakeMailContext.builder().postmaster(new MailAddress("postmaster@gateway.outward.invalid")).build();
        mailet = new NotifySender();
        mailet.init(FakeMailetConfig.builder().mailetName("NotifySender").mailetContext(context).build());
    }

    private static FakeMail mail(String sender, Action external, MimeMessageBuilder message) throws Exception {
        return mail(sender, external, message, "en");
    }

    private static FakeMail mail(String sender, Action external, MimeMessageBuilder message, String language)
            throws Exception {
        FakeMail.Builder builder = FakeMail.builder().name("m1")
                .recipients("agent@party.example", "someone@example.org")
                .mimeMessage(message);
        FakeMail mail = (sender == null ? builder : builder.sender(sender)).build();
        DecisionAttributes.write(mail, new Decision(List.of(
                new Decision.RecipientDecision("agent@party.example", "internal", Action.WARN, List.of(
                        new Decision.FiredRule("personal-data-internal", Action.WARN, List.of(CANVASS))), "personal-data-internal"),
                new Decision.RecipientDecision("someone@example.org", "external", external, List.of(
                        new Decision.FiredRule("special-category-unprotected", external, List.of(CANVASS))),
                        "special-category-unprotected"))), List.of(CANVASS));
        DecisionAttributes.writeNoticeSettings(mail, language, "[secure]");
        return mail;
    }

    private static MimeMessageBuilder canvassMessage() throws Exception {
        return MimeMessageBuilder.mimeMessageBuilder().setSubject("Canvass returns").setText("see attached")
                .addHeader("Message-ID", "<canvass.1@party.example>");
    }

    @Test
    void oneNoticeToTheSenderCoveringEveryRecipient() throws Exception {
        mailet.service(mail("sam@party.example", Action.BLOCK, canvassMessage()));

        assertThat(context.getSentMails()).singleElement().satisfies(sent -> {
            assertThat(sent.getSender()).isEqualTo(new MailAddress("postmaster@gateway.outward.invalid"));
            assertThat(sent.getRecipients()).containsExactly(new MailAddress("sam@party.example"));
            MimeMessage notice = sent.getMsg();
            assertThat(notice.getSubject()).isEqualTo("Not sent: Canvass returns");
            assertThat(notice.getHeader("Auto-Submitted")).containsExactly("auto-replied");
            assertThat(notice.getHeader("In-Reply-To")).containsExactly("<canvass.1@party.example>");
            Multipart alternatives = (Multipart) notice.getContent();
            assertThat(alternatives.getContentType()).startsWith("multipart/alternative");
            String text = (String) alternatives.getBodyPart(0).getContent();
            assertThat(text).contains("NOT sent to someone@example.org")
                    .contains("delivered to agent@party.example")
                    .contains("canvass.xlsx: looks like a list of 312 people")
                    .doesNotContain("see attached");
            assertThat(alternatives.getBodyPart(1).getContentType()).startsWith("text/html");
        });
    }

    private static MimeMessageBuilder sentOnASunday() throws Exception {
        return canvassMessage().addHeader("Date", "Sun, 22 Nov 2026 10:00:00 +0000");
    }

    private String noticeText(String language) throws Exception {
        mailet.service(mail("sam@party.example", Action.BLOCK, sentOnASunday(), language));
        assertThat(context.getSentMails()).hasSize(1);
        return (String) ((Multipart) context.getSentMails().get(0).getMsg().getContent()).getBodyPart(0).getContent();
    }

    /** The mailet as the gateway configures it when a portal serves report links, over a vault in {@code folder}. */
    private NotifySender withReportLinks(java.nio.file.Path folder) throws Exception {
        NotifySender reporting = new NotifySender();
        reporting.init(FakeMailetConfig.builder().mailetName("NotifySender").mailetContext(context)
                .setProperty("vault", "local:" + folder.resolve("vault"))
                .setProperty("portalUrl", "https://files.party.example").build());
        return reporting;
    }

    private static String part(MimeMessage notice, int index) throws Exception {
        return (String) ((Multipart) notice.getContent()).getBodyPart(index).getContent();
    }

    @Test
    void everyNoticeCarriesALinkToReportItAsWrongInItsLanguage(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder)
            throws Exception {
        NotifySender reporting = withReportLinks(folder);
        reporting.service(mail("sam@party.example", Action.BLOCK, canvassMessage(), "en"));
        reporting.service(mail("sam@party.example", Action.BLOCK, canvassMessage(), "cy"));

        java.util.regex.Pattern link = java.util.regex.Pattern.compile("https://files\\.party\\.example/r/[A-Za-z0-9_-]{64}");
        MimeMessage english = context.getSentMails().get(0).getMsg();
        MimeMessage welsh = context.getSentMails().get(1).getMsg();
        assertThat(part(english, 0)).contains("Report this notice as wrong: https://files.party.example/r/")
                .doesNotContain("reply to your data protection officer");
        assertThat(part(english, 1)).contains(">Report this notice as wrong</a>").containsPattern(link);
        assertThat(part(welsh, 0)).contains("Rhoi gwybod bod yr hysbysiad hwn yn anghywir: https://files.party.example/r/");
        assertThat(part(welsh, 1)).contains(">Rhoi gwybod bod yr hysbysiad hwn yn anghywir</a>").containsPattern(link);

        java.util.regex.Matcher found = link.matcher(part(english, 0));
        assertThat(found.find()).isTrue();
        String token = found.group().substring(found.group().lastIndexOf('/') + 1);
        org.outward.feedback.FolderReportStore store = new org.outward.feedback.FolderReportStore(
                org.outward.feedback.FolderReportStore.inVault(folder.resolve("vault")));
        org.outward.feedback.ReportTicket ticket = store.open(org.outward.feedback.ReportToken.parse(token).orElseThrow(),
                java.time.Instant.now()).orElseThrow();
        assertThat(ticket.sender()).isEqualTo("sam@party.example");
        assertThat(ticket.messageId()).isEqualTo("<canvass.1@party.example>");
        assertThat(ticket.rules()).containsExactly("special-category-unprotected", "personal-data-internal");
        assertThat(ticket.recipients()).extracting(org.outward.feedback.ReportTicket.Recipient::action)
                .containsExactly("block", "warn");
        assertThat(ticket.files()).containsExactly("canvass.xlsx");
        assertThat(ticket.findings()).extracting(org.outward.feedback.ReportTicket.Finding::evidence)
                .contains("312 rows: J*** S****, LA9 4**");
        // Nothing of the message's content, not even its subject, is kept.
        assertThat(new String(java.nio.file.Files.readAllBytes(
                folder.resolve("vault").resolve("reports").resolve(ticket.id() + ".ticket")), java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain("see attached").doesNotContain("Canvass returns");
    }

    @Test
    void withoutAPortalTheNoticeSaysToReplyToTheDataProtectionOfficer() throws Exception {
        mailet.service(mail("sam@party.example", Action.BLOCK, canvassMessage()));

        MimeMessage notice = context.getSentMails().get(0).getMsg();
        assertThat(part(notice, 0)).contains("reply to your data protection officer").doesNotContain("/r/");
    }

    @Test
    void aWelshNoticeGivesTheDateInWelsh() throws Exception {
        String text = noticeText("cy");

        assertThat(text).contains("Sul 22 Tach 2026 10:00");
        assertThat(DateWords.english(text)).isEmpty();
    }

    @Test
    void anEnglishNoticeGivesTheDateInEnglish() throws Exception {
        String text = noticeText("en");

        assertThat(text).contains("Sun 22 Nov 2026 10:00");
        assertThat(DateWords.welsh(text)).isEmpty();
    }

    @Test
    void aNoticeInBothLanguagesGivesEachHalfItsOwnDate() throws Exception {
        String[] halves = noticeText("both").split("-{40}");

        assertThat(halves).hasSize(2);
        assertThat(halves[0]).contains("Sul 22 Tach 2026 10:00");
        assertThat(DateWords.english(halves[0])).isEmpty();
        assertThat(halves[1]).contains("Sun 22 Nov 2026 10:00");
        assertThat(DateWords.welsh(halves[1])).isEmpty();
    }

    @Test
    void repliesToANoticeGoToTheDataProtectionOfficerThePolicyNames() throws Exception {
        FakeMail mail = mail("sam@party.example", Action.BLOCK, canvassMessage());
        DecisionAttributes.writeDpoAddress(mail, "dpo@party.example");

        mailet.service(mail);

        MimeMessage notice = context.getSentMails().get(0).getMsg();
        assertThat(notice.getReplyTo()).extracting(Object::toString).containsExactly("dpo@party.example");
        assertThat(notice.getFrom()).extracting(Object::toString).containsExactly("postmaster@gateway.outward.invalid");
    }

    @Test
    void withoutADataProtectionOfficerRepliesGoToThePostmaster() throws Exception {
        mailet.service(mail("sam@party.example", Action.BLOCK, canvassMessage()));

        MimeMessage notice = context.getSentMails().get(0).getMsg();
        assertThat(notice.getHeader("Reply-To")).isNull();
        assertThat(notice.getReplyTo()).extracting(Object::toString).containsExactly("postmaster@gateway.outward.invalid");
    }

    @Test
    void noNoticeForABounce() throws Exception {
        mailet.service(mail(null, Action.BLOCK, canvassMessage()));

        assertThat(context.getSentMails()).isEmpty();
    }

    @Test
    void noNoticeForAnAutomaticMessage() throws Exception {
        mailet.service(mail("sam@party.example", Action.BLOCK, canvassMessage().addHeader("Auto-Submitted", "auto-generated")));

        assertThat(context.getSentMails()).isEmpty();
    }

    @Test
    void noNoticeWhenEveryRecipientPasses() throws Exception {
        FakeMail mail = FakeMail.builder().name("m2").sender("sam@party.example").recipient("someone@example.org")
                .mimeMessage(canvassMessage()).build();
        DecisionAttributes.write(mail, new Decision(List.of(new Decision.RecipientDecision("someone@example.org",
                "external", Action.PASS, List.of(), ""))), List.of());

        mailet.service(mail);

        assertThat(context.getSentMails()).isEmpty();
    }
}
