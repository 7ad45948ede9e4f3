package org.outward.detect.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What counts as a bare password in a short message that follows an encrypted file. The correlator asks only
 * about messages to a recipient of such a file; these tests ask the finder directly.
 */
class FollowUpTokensTest {

    private final FollowUpTokens finder = FollowUpTokens.withDefaults();

    @ParameterizedTest
    @ValueSource(strings = {
            "Outward-fixture-1",
            "Hi Alex,\n\nOutward-fixture-1\n\nSam",
            "For the file I sent earlier: Kq7!mzP4wR2x",
            "Kq7!mzP4wR2x - that opens the zip.",
            "Bore da,\n\nWx9#rT2vLp\n\nDiolch,\nSioned",
            "Dyma'r un ar gyfer y ffeil: Wx9#rT2vLp",
            "Tide-Lantern-Granite-Moss",
            "BluebellHarbourKettle",
            "the spreadsheet - Summer2026!",
            "Here you go\n\nmZ4!qpR8\n\n> On Tue, Sam wrote:\n> Can you send it?",
            "Outward-fixture-1\n\n-- \nSam Jones\nCampaign Office\n07700 900123"})
    void aPasswordLikeTokenInAShortFollowUpIsFound(String text) {
        List<TokenFinding> found = finder.find(List.of(body(text)));

        assertThat(found).hasSize(1);
        assertThat(found.get(0).finding().recogniser()).isEqualTo("follow-up");
        assertThat(found.get(0).finding().redacted()).doesNotContain(found.get(0).token().substring(1));
        assertThat(found.get(0).toString()).doesNotContain(found.get(0).token());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Thanks, see you at the count on Thursday at 7pm.",
            "Ref INV-2024-0042 for the printing invoice.",
            "Invoice no. INV-2024-0042 attached as discussed.",
            "Ref:\nINV-2024-0042",
            "Call me on 07700 900123 or @SamVolunteer2024 on the usual app.",
            "Got it, I will open it tonight. Thanks!",
            "Updated version attached: Budget2026-v3.xlsx",
            "Order ABC-12345678 arrives on 12/12/2026, tracking JD014600003828 if you want it.",
            "See https://example.org/events/2026 for the sign-up page.",
            "Diolch yn fawr, welwn ni di ddydd Sadwrn.",
            "Meeting ID: 812 3456 7890",
            "#Cardiff2026 is the hashtag for Saturday.",
            "CF10 1AA is the postcode for the hall."})
    void anOrdinaryShortReplyHasNoToken(String text) {
        assertThat(finder.find(List.of(body(text)))).as(text).isEmpty();
    }

    @Test
    void aLongMessageIsAConversationNotAHandOver() {
        String text = "Thanks for the file. " + "We talked about the leaflets and the rota for next week. ".repeat(4)
                + "Kq7!mzP4wR2x";

        assertThat(finder.find(List.of(body(text)))).isEmpty();
    }

    @Test
    void aTokenInsideASentenceNeedsTheMessageToSpeakOfTheFile() {
        assertThat(finder.find(List.of(body("Team name for the quiz is Kq7!mzP4wR2x, see you there")))).isEmpty();
        assertThat(finder.find(List.of(body("Use Kq7!mzP4wR2x to open it")))).hasSize(1);
    }

    @Test
    void quotedTextAndAttachmentsAreNotTheSendersHandOver() {
        assertThat(finder.find(List.of(body("Got it.\n\n> Outward-fixture-1")))).isEmpty();
        assertThat(finder.find(List.of(new TextSource(Location.ATTACHMENT, "2", "notes.txt", "Outward-fixture-1"))))
                .isEmpty();
    }

    @Test
    void theSameTokenInThePlainAndHtmlBodiesIsOneFinding() {
        List<TokenFinding> found = finder.find(List.of(body("Outward-fixture-1"),
                new TextSource(Location.BODY_HTML, "1.2", "Outward-fixture-1")));

        assertThat(found).hasSize(1);
    }

    @Test
    void aTokenAloneInTheSubjectIsFound() {
        assertThat(finder.find(List.of(TextSource.subject("Kq7!mzP4wR2x")))).hasSize(1);
    }

    private static TextSource body(String text) {
        return new TextSource(Location.BODY_PLAIN, "1", text);
    }
}
