package org.outward.detect.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class QuotedTextTest {

    private final SecretDetector detector = SecretDetector.withDefaults();

    private static boolean[] mark(String text) {
        return QuotedText.mark(text.split("\n", -1));
    }

    @Test
    void angleLinesAreQuoted() {
        assertThat(mark("Thanks\n> Password: Kettle88\nBye")).containsExactly(false, true, false);
    }

    @Test
    void gmailAttributionStartsTheQuote() {
        assertThat(mark("Got it\nOn Mon, 16 Nov 2026 at 18:22, Jo <jo@x.org> wrote:\nhello"))
                .containsExactly(false, true, true);
    }

    @Test
    void gmailAttributionOverTwoLines() {
        assertThat(mark("Got it\nOn Mon, 16 Nov 2026 at 18:22, Jo Price <\njo@x.org> wrote:\nhello"))
                .containsExactly(false, true, true, true);
    }

    @Test
    void welshGmailAttribution() {
        assertThat(mark("Diolch\nAr Llun, 16 Tach 2026 am 18:22, Jo <jo@x.org> ysgrifennodd:\nhelo"))
                .containsExactly(false, true, true);
    }

    @Test
    void outlookHeaderBlock() {
        assertThat(mark("See below\n________________________________\nFrom: Jo\nSent: 16 November 2026\nPassword: X"))
                .containsExactly(false, true, true, true, true);
        assertThat(mark("See below\nFrom: Jo Price\nSent: Monday\nTo: Sam\nhello"))
                .containsExactly(false, true, true, true, true);
        assertThat(mark("See below\nOddi wrth: Jo\nAnfonwyd: 16 Tachwedd\nhelo")).containsExactly(false, true, true, true);
        assertThat(mark("FYI\n-----Original Message-----\nhello")).containsExactly(false, true, true);
    }

    @Test
    void aFromLineAloneIsNotAQuoteHeader() {
        assertThat(mark("From: the branch office\nhello\nthere\nagain\nnow")).containsOnly(false);
    }

    @Test
    void aQuotedSecretIsReportedAsQuoted() {
        String body = "Forwarding as asked.\n\nOn 16 Nov 2026, at 18:22, Jo <jo@x.org> wrote:\n\n> Password: Kettle-Orchard-42\n";
        List<SecretFinding> findings = detector.detect(new TextSource(Location.BODY_PLAIN, "1", body));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.location()).isEqualTo(Location.QUOTED);
            assertThat(f.line()).isEqualTo(5);
        });
    }
}
