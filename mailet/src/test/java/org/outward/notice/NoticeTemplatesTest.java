package org.outward.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outward.policy.PeopleEvidence;

class NoticeTemplatesTest {

    private static NoticeTemplates templates;

    @BeforeAll
    static void load() throws Exception {
        templates = NoticeTemplates.builtIn();
    }

    private static NoticeFacts blockedCanvass(String fileName) {
        return new NoticeFacts("Canvass returns for Ward 3", Instant.parse("2026-11-22T10:00:00Z"), List.of("agent@example.org"),
                List.of(), List.of("colleague@party.example"),
                List.of(new NoticeFacts.Part(fileName, 312, true, true, "", false, false, false, false,
                        List.of("person-name", "postcode"), new PeopleEvidence(false, List.of("political-opinion"),
                        List.of("J*** S****, LA9 4**")))),
                "", null, "[secure]");
    }

    @Test
    void blockedCanvassNoticeNamesTheFileAndTeachesTheSteps() throws Exception {
        Notice notice = templates.render(blockedCanvass("canvass.xlsx"), "en");

        assertThat(notice.subject()).isEqualTo("Not sent: Canvass returns for Ward 3");
        assertThat(notice.text())
                .contains("Your message was NOT sent to agent@example.org.")
                .contains("Your message was delivered to colleague@party.example, but it needs your attention.")
                .contains("- canvass.xlsx: looks like a list of 312 people with political opinions")
                .contains("(312 records with political opinion (e.g. J*** S****, LA9 4**))")
                .contains("special category")
                .contains("AES-256")
                .contains("text message, phone call or a secure messaging app")
                .contains("Download - Use - Delete")
                .contains("with [secure] in the subject")
                .doesNotContain("password or login");
        assertThat(notice.html()).contains("<h1 style=\"font-size: 22px; color: #8a1c1c;\">Your message was not sent</h1>")
                .contains("id=\"found\"", "id=\"why\"", "id=\"todo\"")
                .contains("<strong>canvass.xlsx</strong>");
    }

    @Test
    void fileNamesAreEscapedInHtml() throws Exception {
        Notice notice = templates.render(blockedCanvass("<script>alert(1)</script>.xlsx"), "en");

        assertThat(notice.html()).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;.xlsx");
    }

    @Test
    void passwordNoticeExplainsTheOtherChannelAndShowsOnlyTheRedactedForm() throws Exception {
        NoticeFacts facts = new NoticeFacts("the file", Instant.parse("2026-11-22T10:05:00Z"), List.of("agent@example.org"),
                List.of(), List.of(), List.of(), "Password: T*****-******-**", null, "[secure]");

        Notice notice = templates.render(facts, "en");

        assertThat(notice.text()).contains("The message gives a password or login (Password: T*****-******-**).")
                .contains("Treat this password as exposed")
                .contains("I will send you the password separately, but not via email")
                .doesNotContain("7-Zip");
    }

    @Test
    void welshAndBothLanguages() throws Exception {
        Notice welsh = templates.render(blockedCanvass("canvass.xlsx"), "cy");
        Notice both = templates.render(blockedCanvass("canvass.xlsx"), "both");

        assertThat(welsh.subject()).isEqualTo("Heb ei anfon: Canvass returns for Ward 3");
        assertThat(welsh.text()).contains("NI anfonwyd eich neges at agent@example.org.").contains("Lawrlwytho - Defnyddio - Dileu");
        assertThat(welsh.html()).contains("<html lang=\"cy\">").contains("<div lang=\"cy\">");
        assertThat(both.subject()).isEqualTo("Heb ei anfon: Canvass returns for Ward 3 / Not sent: Canvass returns for Ward 3");
        assertThat(both.text().indexOf("NI anfonwyd")).isLessThan(both.text().indexOf("NOT sent"));
        assertThat(both.html()).contains("<div lang=\"cy\">", "<div lang=\"en\">");
    }

    @Test
    void adminsTemplateWithAMistypedVariableIsRefusedWhenLoaded(@TempDir Path folder) throws Exception {
        for (String name : List.of("layout.html.mustache", "en/subject.mustache", "en/body.txt.mustache",
                "en/body.html.mustache", "cy/subject.mustache", "cy/body.txt.mustache", "cy/body.html.mustache")) {
            Path target = folder.resolve(name);
            Files.createDirectories(target.getParent());
            try (var in = NoticeTemplates.class.getResourceAsStream(NoticeTemplates.CLASS_PATH_FOLDER + name)) {
                Files.copy(in, target);
            }
        }
        Files.writeString(folder.resolve("en/subject.mustache"), "Not sent: {{subjct}}");

        assertThatThrownBy(() -> NoticeTemplates.from(folder))
                .isInstanceOf(NoticeTemplateException.class)
                .hasMessageContaining(folder + "/en: ")
                .hasMessageContaining("subjct");
    }

    @Test
    void missingTemplateIsNamed(@TempDir Path folder) {
        assertThatThrownBy(() -> NoticeTemplates.from(folder))
                .isInstanceOf(NoticeTemplateException.class)
                .hasMessageContaining(folder + "/layout.html.mustache: missing");
    }
}
