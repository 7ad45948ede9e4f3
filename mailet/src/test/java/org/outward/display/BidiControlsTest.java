package org.outward.display;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.outward.notice.LinkNotices;
import org.outward.notice.Notice;
import org.outward.notice.NoticeFacts;
import org.outward.notice.NoticeTemplates;
import org.outward.policy.PeopleEvidence;

class BidiControlsTest {

    /** {@code invoice<RLO>fdp.exe}: shown as "invoiceexe.pdf". */
    private static final String DISGUISED = "invoice\u202Efdp.exe";

    private static boolean explicitBidiFormatting(int codePoint) {
        return switch (Character.getDirectionality(codePoint)) {
            case Character.DIRECTIONALITY_LEFT_TO_RIGHT_EMBEDDING, Character.DIRECTIONALITY_RIGHT_TO_LEFT_EMBEDDING,
                    Character.DIRECTIONALITY_LEFT_TO_RIGHT_OVERRIDE, Character.DIRECTIONALITY_RIGHT_TO_LEFT_OVERRIDE,
                    Character.DIRECTIONALITY_POP_DIRECTIONAL_FORMAT, Character.DIRECTIONALITY_LEFT_TO_RIGHT_ISOLATE,
                    Character.DIRECTIONALITY_RIGHT_TO_LEFT_ISOLATE, Character.DIRECTIONALITY_FIRST_STRONG_ISOLATE,
                    Character.DIRECTIONALITY_POP_DIRECTIONAL_ISOLATE -> true;
            default -> false;
        };
    }

    @Test
    void everyBidiFormattingCharacterIsRemoved() {
        int found = 0;
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            if (explicitBidiFormatting(c)) {
                found++;
                assertThat(BidiControls.removed(c)).as("U+%04X", c).isTrue();
            }
        }
        assertThat(found).as("embeddings, overrides, isolates and pops").isEqualTo(9);
        // The implicit marks: left-to-right, right-to-left, Arabic letter.
        for (int mark : List.of(0x200E, 0x200F, 0x061C)) {
            assertThat(BidiControls.removed(mark)).as("U+%04X", mark).isTrue();
        }
        assertThat(BidiControls.strip("a\u202Ab\u202Bc\u202Cd\u202De\u202Ef\u2066g\u2067h\u2068i\u2069j\u200Ek\u200Fl\u061Cm"))
                .isEqualTo("abcdefghijklm");
    }

    @Test
    void lettersAndJoinersStay() {
        assertThat(BidiControls.strip(DISGUISED)).isEqualTo("invoicefdp.exe");
        assertThat(BidiControls.strip("می\u200Cخواهم.pdf")).as("Persian needs the non-joiner").isEqualTo("می\u200Cخواهم.pdf");
        assertThat(BidiControls.strip("👩\u200D💻.png")).isEqualTo("👩\u200D💻.png");
        assertThat(BidiControls.strip("Rhestr ŵyl – 𝔘.xlsx")).isEqualTo("Rhestr ŵyl – 𝔘.xlsx");
        assertThat(BidiControls.strip(null)).isNull();
    }

    @Test
    void noticesShowTheNameWithoutOverrides() throws Exception {
        LinkNotices links = LinkNotices.builtIn();
        LinkNotices.Rendered part = links.part(new LinkNotices.LinkFacts(DISGUISED, "agent@party.example",
                Instant.parse("2026-05-01T00:00:00Z"), "https://files.example/l/x", 3), "both");
        Notice confirmation = links.confirmation("Canvass", List.of(new LinkNotices.SentLink(DISGUISED,
                "a@example.org", Instant.parse("2026-05-01T00:00:00Z"), "https://files.example/m/x")), "both");
        NoticeFacts.Part attachment = new NoticeFacts.Part(DISGUISED, 0, false, false, "", false, false, true, false, List.of(),
                PeopleEvidence.NONE);
        Notice blocked = NoticeTemplates.builtIn().render(new NoticeFacts("Subject \u2067x\u2069", Instant.parse("2026-11-22T00:00:00Z"),
                List.of("a@example.org"), List.of(), List.of(), List.of(attachment), "", null, "[secure]"), "both");
        for (String body : List.of(part.text(), part.html(), confirmation.text(), confirmation.html(), blocked.text(),
                blocked.html())) {
            assertThat(body).contains("invoicefdp.exe");
        }
        for (String shown : List.of(part.text(), part.html(), confirmation.subject(), confirmation.text(),
                confirmation.html(), blocked.subject(), blocked.text(), blocked.html())) {
            assertThat(shown.codePoints().filter(BidiControls::removed).count()).isZero();
        }
    }
}
