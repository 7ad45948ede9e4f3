package org.outward.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outward.inspect.StrictPackages;
import org.outward.policy.Action;
import org.outward.policy.Fact;
import org.outward.policy.FindingKind;
import org.outward.policy.Policy;
import org.outward.policy.PolicyLoader;

/**
 * A workbook saved as Strict Open XML (ISO 29500 Strict, the "Strict Open XML Spreadsheet" choice of Excel) is
 * judged as the same workbook saved as transitional OOXML: a list of people in it is blocked for an outside
 * recipient, with the same number of records.
 */
class StrictWorkbookJudgementTest {

    @TempDir
    Path state;

    @Test
    void listOfPeopleInAStrictWorkbookIsBlockedLikeTheTransitionalOne() throws Exception {
        Policy policy = PolicyLoader.parse(new String(Objects.requireNonNull(getClass().getResourceAsStream(
                "/org/outward/policies/default-policy.yaml")).readAllBytes(), StandardCharsets.UTF_8), "default");
        byte[] transitional = workbook();
        byte[] strict = StrictPackages.strict(transitional);
        String parts = StrictPackages.xml(strict);
        assertThat(parts.contains("schemas.openxmlformats.org/spreadsheetml")).isFalse();
        assertThat(parts.contains("purl.oclc.org/ooxml/spreadsheetml")).isTrue();
        try (Engine engine = new Engine(state, Clock.systemUTC())) {
            Envelope envelope = new Envelope("member@party.example", List.of(ListMail.OUTSIDE));
            Judgement ofTransitional = engine.judge(message(transitional), envelope, policy);
            Judgement ofStrict = engine.judge(message(strict), envelope, policy);

            assertThat(ofTransitional.decision().verdict()).isEqualTo(Action.BLOCK);
            assertThat(ofStrict.decision().verdict()).isEqualTo(Action.BLOCK);
            assertThat(ofStrict.facts()).noneMatch(f -> f.kind() == FindingKind.LIMIT_EXCEEDED);
            assertThat(records(ofStrict)).isPositive().isEqualTo(records(ofTransitional));
        }
    }

    private static int records(Judgement judgement) {
        return judgement.facts().stream().filter(f -> f.kind() == FindingKind.PERSONAL_DATA)
                .mapToInt(Fact::records).sum();
    }

    /** The six people of {@link ListMail} with a postcode and a mobile each, on a sheet with shared strings. */
    private static byte[] workbook() throws IOException {
        String[][] rows = new String[ListMail.NAMES.length + 1][];
        rows[0] = new String[] {"Name", "Postcode", "Mobile"};
        for (int i = 0; i < ListMail.NAMES.length; i++) {
            rows[i + 1] = new String[] {ListMail.NAMES[i], "SY23 " + (i + 1) + "AB", "07700 90012" + i};
        }
        return StrictPackages.transitional("Call backs", rows);
    }

    private static byte[] message(byte[] xlsx) {
        return ("From: member@party.example\r\nTo: " + ListMail.OUTSIDE + "\r\nSubject: the list\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nAttached.\r\n"
                + "--b\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n"
                + "Content-Disposition: attachment; filename=callbacks.xlsx\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString(xlsx) + "\r\n--b--\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
