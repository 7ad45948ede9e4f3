package org.outward.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CodeMailTextTest {

    @Test
    void recognisesWhatItWritesInEitherLanguageWhateverTheLineEnds() {
        for (String language : new String[] {"en", "cy"}) {
            String body = CodeMailText.body(language, "04718263", 15);
            assertThat(body).contains("04718263").contains("15 minutes").contains("15 munud");
            assertThat(CodeMailText.isCodeMail(CodeMailText.subject(language), body)).isTrue();
            assertThat(CodeMailText.isCodeMail(CodeMailText.subject(language), body.replace("\n", "\r\n").strip()))
                    .as("CRLF, final line end taken by SMTP").isTrue();
        }
    }

    @Test
    void anythingMoreOrOtherIsNotACodeMail() {
        String subject = CodeMailText.subject("en");
        String body = CodeMailText.body("en", "04718263", 15);
        assertThat(CodeMailText.isCodeMail(subject, body + "\nPat Mann, 12 Mill Way, AB1 2CD, 07700 900123\n"))
                .as("a list after the text").isFalse();
        assertThat(CodeMailText.isCodeMail(subject, "Pat Mann\n" + body)).as("a line before it").isFalse();
        assertThat(CodeMailText.isCodeMail(subject, body.replace("04718263", "0471826Pat"))).as("a code that is not digits").isFalse();
        assertThat(CodeMailText.isCodeMail(subject, body.replace("04718263", "047182631234"))).as("a longer code").isFalse();
        assertThat(CodeMailText.isCodeMail(subject, body.replace("secure file page", "secure file page at http://evil.example"))).isFalse();
        assertThat(CodeMailText.isCodeMail("Your one-time code", body)).as("another subject").isFalse();
        assertThat(CodeMailText.isCodeMail(subject, null)).isFalse();
    }

    @Test
    void writesOnlyCodesOfItsDigits() {
        assertThatThrownBy(() -> CodeMailText.body("en", "1234", 15)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CodeMailText.body("en", "abcdefgh", 15)).isInstanceOf(IllegalArgumentException.class);
    }
}
