package org.outward.james;

import java.util.List;

import org.apache.james.core.builder.MimeMessageBuilder;
import org.apache.mailet.base.test.FakeMail;
import org.outward.policy.Action;
import org.outward.policy.Decision;
import org.outward.policy.Fact;
import org.outward.policy.FindingKind;
import org.outward.protect.ProtectionLevel;

/** A canvass list to someone outside, blocked and held, as an admin's release or delete finds it. */
final class BlockedCanvass {

    static final Fact CANVASS = new Fact(FindingKind.SPECIAL_CATEGORY_DATA, "2/canvass.xlsx", "canvass.xlsx",
            ProtectionLevel.NONE, 312, 0.9, "312 rows: J*** S****, LA9 4**");

    private BlockedCanvass() {
    }

    /** The held mail with the inspection's attributes; no sender when {@code sender} is null. */
    static FakeMail held(String sender, String language) throws Exception {
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
}
