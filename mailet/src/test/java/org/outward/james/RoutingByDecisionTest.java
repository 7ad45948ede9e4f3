package org.outward.james;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.james.core.builder.MimeMessageBuilder;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.apache.mailet.base.test.FakeMatcherConfig;
import org.junit.jupiter.api.Test;
import org.outward.audit.AuditEvent;
import org.outward.audit.AuditKind;
import org.outward.audit.AuditLine;
import org.outward.policy.Action;
import org.outward.policy.Decision;
import org.outward.policy.Fact;
import org.outward.policy.FindingKind;
import org.outward.protect.ProtectionLevel;

/** The decision travels as attributes, and matchers and mailets read it recipient by recipient. */
class RoutingByDecisionTest {

    private static final Fact CANVASS = new Fact(FindingKind.SPECIAL_CATEGORY_DATA, "2/canvass.xlsx", "canvass.xlsx",
            ProtectionLevel.NONE, 312, 0.9, "312 rows: J*** S****, LA9 4**");

    private static FakeMail decidedMail() throws Exception {
        FakeMail mail = FakeMail.builder().name("m1").sender("sam@party.example")
                .recipients("agent@party.example", "someone@example.org", "printer@printer.example")
                .mimeMessage(MimeMessageBuilder.mimeMessageBuilder().setSubject("Canvass").setText("attached"))
                .build();
        Decision decision = new Decision(List.of(
                new Decision.RecipientDecision("agent@party.example", "internal", Action.WARN,
                        List.of(new Decision.FiredRule("personal-data-internal", Action.WARN, List.of(CANVASS))),
                        "personal-data-internal"),
                new Decision.RecipientDecision("someone@example.org", "external", Action.BLOCK,
                        List.of(new Decision.FiredRule("special-category-unprotected", Action.BLOCK, List.of(CANVASS)),
                                new Decision.FiredRule("personal-data-unprotected", Action.BLOCK, List.of(CANVASS))),
                        "special-category-unprotected"),
                new Decision.RecipientDecision("printer@printer.example", "partner:printer", Action.MONITOR,
                        List.of(new Decision.FiredRule("printer-trial", Action.MONITOR, List.of(CANVASS))),
                        "printer-trial")));
        DecisionAttributes.write(mail, decision, List.of(CANVASS));
        return mail;
    }

    private static HasAction matcher(String condition) throws MessagingException {
        HasAction matcher = new HasAction();
        matcher.init(FakeMatcherConfig.builder().matcherName("HasAction").condition(condition).build());
        return matcher;
    }

    @Test
    void matcherReturnsTheRecipientsWithTheGivenActions() throws Exception {
        FakeMail mail = decidedMail();

        assertThat(matcher("block").match(mail)).containsExactly(new MailAddress("someone@example.org"));
        assertThat(matcher("warn, monitor").match(mail))
                .containsExactly(new MailAddress("agent@party.example"), new MailAddress("printer@printer.example"));
        assertThat(matcher("quarantine").match(mail)).isEmpty();
    }

    @Test
    void mailThatWasNotInspectedMatchesNoRecipient() throws Exception {
        FakeMail mail = FakeMail.builder().name("m2").sender("sam@party.example").recipient("someone@example.org")
                .mimeMessage(MimeMessageBuilder.mimeMessageBuilder().setText("x")).build();

        assertThat(matcher("pass,block").match(mail)).isEmpty();
    }

    @Test
    void matcherRefusesUnknownActions() {
        assertThatThrownBy(() -> matcher("blok")).isInstanceOf(MessagingException.class)
                .hasMessageContaining("unknown action 'blok'");
        assertThatThrownBy(() -> matcher("")).isInstanceOf(MessagingException.class);
    }

    @Test
    void findingsTravelRedacted() throws Exception {
        assertThat(DecisionAttributes.findings(decidedMail())).singleElement().satisfies(f -> {
            assertThat(f).containsEntry("kind", "special-category-data").containsEntry("file", "canvass.xlsx")
                    .containsEntry("records", "312").containsEntry("evidence", "312 rows: J*** S****, LA9 4**");
        });
    }

    @Test
    void monitorHeadersNameTheRulesForThisCopysRecipients() throws Exception {
        FakeMail mail = decidedMail();
        mail.setRecipients(List.of(new MailAddress("printer@printer.example")));
        AddVerdictHeaders mailet = new AddVerdictHeaders();
        mailet.init(FakeMailetConfig.builder().mailetName("AddVerdictHeaders").build());

        mailet.service(mail);

        assertThat(mail.getMessage().getHeader("X-Outward-Verdict")).containsExactly("monitor");
        assertThat(mail.getMessage().getHeader("X-Outward-Rules")).containsExactly("printer-trial");
    }

    @Test
    void auditLineHoldsRedactedEvidenceOnly() {
        Map<String, Object> fields = AuditLog.fields("<m1@party.example>", "sam@party.example", List.of("data-team"), new Decision(List.of(
                new Decision.RecipientDecision("someone@example.org", "external", Action.BLOCK,
                        List.of(new Decision.FiredRule("special-category-unprotected", Action.BLOCK, List.of(CANVASS))),
                        "special-category-unprotected"))), List.of(CANVASS), 1_500_000);
        String line = AuditLine.format(new AuditEvent("e1", Instant.EPOCH, "gw1", AuditKind.DECISION, AuditEvent.GATEWAY, fields));

        assertThat(line).startsWith("{\"v\":1,\"time\":\"1970-01-01T00:00:00.000Z\",\"node\":\"gw1\",\"id\":\"e1\","
                        + "\"event\":\"decision\",\"actor\":\"gateway\",\"messageId\":\"<m1@party.example>\","
                        + "\"sender\":\"sam@party.example\",\"senderGroups\":[\"data-team\"],")
                .contains("\"verdict\":\"block\"", "\"decidedBy\":\"special-category-unprotected\"",
                        "\"evidence\":\"312 rows: J*** S****, LA9 4**\"", "\"ms\":1.5")
                .doesNotContain("Canvass");
    }
}
