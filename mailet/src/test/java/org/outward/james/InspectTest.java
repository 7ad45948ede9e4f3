package org.outward.james;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.mail.MessagingException;

import org.apache.james.core.builder.MimeMessageBuilder;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.junit.jupiter.api.Test;

class InspectTest {

    private static FakeMail mailWithHeader(String name, String value) throws Exception {
        return FakeMail.builder()
                .name("m1")
                .sender("volunteer@party.example")
                .recipient("printer@elsewhere.example")
                .mimeMessage(MimeMessageBuilder.mimeMessageBuilder()
                        .addHeader(name, value)
                        .setSubject("Leaflet run")
                        .setText("See you on Saturday."))
                .build();
    }

    @Test
    void stampsPassVerdictInDefaultHeader() throws Exception {
        Inspect mailet = new Inspect();
        mailet.init(FakeMailetConfig.builder().mailetName("Inspect").build());
        FakeMail mail = mailWithHeader("X-Other", "kept");

        mailet.service(mail);

        assertThat(mail.getMessage().getHeader("X-Outward-Verdict")).containsExactly("pass");
        assertThat(mail.getMessage().getHeader("X-Other")).containsExactly("kept");
    }

    @Test
    void replacesAVerdictTheSenderWroteThemselves() throws Exception {
        Inspect mailet = new Inspect();
        mailet.init(FakeMailetConfig.builder().mailetName("Inspect").build());
        FakeMail mail = mailWithHeader("X-Outward-Verdict", "forged");

        mailet.service(mail);

        assertThat(mail.getMessage().getHeader("X-Outward-Verdict")).containsExactly("pass");
    }

    @Test
    void usesConfiguredHeaderName() throws Exception {
        Inspect mailet = new Inspect();
        mailet.init(FakeMailetConfig.builder().mailetName("Inspect")
                .setProperty("verdictHeader", "X-Party-Gateway").build());
        FakeMail mail = mailWithHeader("X-Other", "kept");

        mailet.service(mail);

        assertThat(mail.getMessage().getHeader("X-Party-Gateway")).containsExactly("pass");
        assertThat(mail.getMessage().getHeader("X-Outward-Verdict")).isNull();
    }

    @Test
    void rejectsAHeaderNameThatIsNotAnXHeader() {
        Inspect mailet = new Inspect();
        assertThatThrownBy(() -> mailet.init(FakeMailetConfig.builder().mailetName("Inspect")
                .setProperty("verdictHeader", "Subject").build()))
                .isInstanceOf(MessagingException.class)
                .hasMessageContaining("must be a header name starting with X-");
    }
}
