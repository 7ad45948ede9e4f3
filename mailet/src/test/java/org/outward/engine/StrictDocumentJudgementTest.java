package org.outward.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outward.inspect.StrictPackages;
import org.outward.policy.Action;
import org.outward.policy.Fact;
import org.outward.policy.FindingKind;
import org.outward.policy.Policy;
import org.outward.policy.PolicyLoader;

/**
 * Word documents and PowerPoint presentations saved as Strict Open XML are judged as the same files saved as
 * transitional OOXML: a list of people in one is blocked for an outside recipient with the same number of
 * records, not held as unreadable. (Workbooks: {@link StrictWorkbookJudgementTest}.)
 */
class StrictDocumentJudgementTest {

    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

    private static Policy policy;

    @TempDir
    Path state;

    @BeforeAll
    static void loadPolicy() throws Exception {
        policy = PolicyLoader.parse(new String(Objects.requireNonNull(StrictDocumentJudgementTest.class
                .getResourceAsStream("/org/outward/policies/default-policy.yaml")).readAllBytes(),
                StandardCharsets.UTF_8), "default");
    }

    @Test
    void listOfPeopleInAStrictWordDocumentIsBlockedLikeTheTransitionalOne() throws Exception {
        assertJudgedAlike(document(), "callbacks.docx", DOCX, "wordprocessingml");
    }

    @Test
    void listOfPeopleInAStrictPresentationIsBlockedLikeTheTransitionalOne() throws Exception {
        assertJudgedAlike(presentation(), "callbacks.pptx", PPTX, "presentationml");
    }

    private void assertJudgedAlike(byte[] transitional, String fileName, String type, String area) throws Exception {
        byte[] strict = StrictPackages.strict(transitional);
        String parts = StrictPackages.xml(strict);
        assertThat(parts.contains("schemas.openxmlformats.org/" + area)).isFalse();
        assertThat(parts.contains("purl.oclc.org/ooxml/" + area)).isTrue();
        try (Engine engine = new Engine(state, Clock.systemUTC())) {
            Envelope envelope = new Envelope("member@party.example", List.of(ListMail.OUTSIDE));
            Judgement ofTransitional = engine.judge(message(transitional, fileName, type), envelope, policy);
            Judgement ofStrict = engine.judge(message(strict, fileName, type), envelope, policy);

            assertThat(ofTransitional.decision().verdict()).isEqualTo(Action.BLOCK);
            assertThat(ofStrict.facts()).noneMatch(f -> f.kind() == FindingKind.LIMIT_EXCEEDED);
            assertThat(ofStrict.decision().verdict()).isEqualTo(Action.BLOCK);
            assertThat(records(ofStrict)).isPositive().isEqualTo(records(ofTransitional));
        }
    }

    private static int records(Judgement judgement) {
        return judgement.facts().stream().filter(f -> f.kind() == FindingKind.PERSONAL_DATA)
                .mapToInt(Fact::records).sum();
    }

    /** The six people of {@link ListMail} in a Word table with a postcode and a mobile each. */
    private static byte[] document() throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText("Call backs");
            XWPFTable table = doc.createTable(ListMail.NAMES.length + 1, 3);
            String[] headings = {"Name", "Postcode", "Mobile"};
            for (int c = 0; c < headings.length; c++) {
                table.getRow(0).getCell(c).setText(headings[c]);
            }
            for (int i = 0; i < ListMail.NAMES.length; i++) {
                table.getRow(i + 1).getCell(0).setText(ListMail.NAMES[i]);
                table.getRow(i + 1).getCell(1).setText("SY23 " + (i + 1) + "AB");
                table.getRow(i + 1).getCell(2).setText("07700 90012" + i);
            }
            doc.write(out);
            return out.toByteArray();
        }
    }

    /** The same people as lines of a text box on one slide. */
    private static byte[] presentation() throws IOException {
        try (XMLSlideShow show = new XMLSlideShow(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            StringBuilder text = new StringBuilder("Name, Postcode, Mobile\n");
            for (int i = 0; i < ListMail.NAMES.length; i++) {
                text.append(ListMail.NAMES[i]).append(", SY23 ").append(i + 1).append("AB, 07700 90012").append(i)
                        .append('\n');
            }
            show.createSlide().createTextBox().setText(text.toString());
            show.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] message(byte[] file, String fileName, String type) {
        return ("From: member@party.example\r\nTo: " + ListMail.OUTSIDE + "\r\nSubject: the list\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nAttached.\r\n"
                + "--b\r\nContent-Type: " + type + "\r\nContent-Disposition: attachment; filename=" + fileName
                + "\r\nContent-Transfer-Encoding: base64\r\n\r\n" + Base64.getMimeEncoder().encodeToString(file)
                + "\r\n--b--\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
