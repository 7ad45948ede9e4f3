package org.outward.james;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import javax.mail.MessagingException;

import org.apache.james.core.builder.MimeMessageBuilder;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectTest {

    @TempDir
    Path temp;

    private Path policy;

    @BeforeEach
    void writePolicy() throws Exception {
        policy = Files.writeString(temp.resolve("policy.yaml"),
                "version: 1\nrules:\n  - id: password-in-message\n    when: {finding: password}\n    action: block\n");
    }

    private FakeMailetConfig.Builder config() {
        return FakeMailetConfig.builder().mailetName("Inspect").setProperty("policy", policy.toString())
                .setProperty("stateFolder", temp.resolve("state").toString());
    }

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
        mailet.init(config().build());
        FakeMail mail = mailWithHeader("X-Other", "kept");

        mailet.service(mail);

        assertThat(mail.getMessage().getHeader("X-Outward-Verdict")).containsExactly("pass");
        assertThat(mail.getMessage().getHeader("X-Other")).containsExactly("kept");
    }

    @Test
    void replacesAVerdictTheSenderWroteThemselves() throws Exception {
        Inspect mailet = new Inspect();
        mailet.init(config().build());
        FakeMail mail = mailWithHeader("X-Outward-Verdict", "forged");

        mailet.service(mail);

        assertThat(mail.getMessage().getHeader("X-Outward-Verdict")).containsExactly("pass");
    }

    @Test
    void usesConfiguredHeaderName() throws Exception {
        Inspect mailet = new Inspect();
        mailet.init(config().setProperty("verdictHeader", "X-Party-Gateway").build());
        FakeMail mail = mailWithHeader("X-Other", "kept");

        mailet.service(mail);

        assertThat(mail.getMessage().getHeader("X-Party-Gateway")).containsExactly("pass");
        assertThat(mail.getMessage().getHeader("X-Outward-Verdict")).isNull();
    }

    @Test
    void rejectsAHeaderNameThatIsNotAnXHeader() {
        Inspect mailet = new Inspect();
        assertThatThrownBy(() -> mailet.init(config().setProperty("verdictHeader", "Subject").build()))
                .isInstanceOf(MessagingException.class)
                .hasMessageContaining("must be a header name starting with X-");
    }

    @Test
    void refusesAParserSwitchThatIsNeitherTrueNorFalse() {
        Inspect mailet = new Inspect();
        assertThatThrownBy(() -> mailet.init(config().setProperty("parserWarmUp", "yes").build()))
                .isInstanceOf(MessagingException.class)
                .hasMessage("Inspect: parserWarmUp must be true or false");
        assertThatThrownBy(() -> mailet.init(config().setProperty("parserClassArchive", "off").build()))
                .isInstanceOf(MessagingException.class)
                .hasMessage("Inspect: parserClassArchive must be true or false");
    }

    @Test
    void refusesToStartWithoutAPolicy() {
        Inspect mailet = new Inspect();
        assertThatThrownBy(() -> mailet.init(FakeMailetConfig.builder().mailetName("Inspect").build()))
                .isInstanceOf(MessagingException.class)
                .hasMessage("Inspect: the <policy> parameter must name the policy file");
    }

    @Test
    void refusesToStartWithABrokenPolicyNamingLineAndColumn() throws Exception {
        Files.writeString(policy, "version: 1\nrules:\n  - id: a\n    when: {finding: password}\n    action: blok\n");
        Inspect mailet = new Inspect();
        assertThatThrownBy(() -> mailet.init(config().build()))
                .isInstanceOf(MessagingException.class)
                .hasMessageStartingWith("Inspect: policy " + policy + ":5:13: rule 'a'.action must be one of");
    }

    @Test
    void textPastTheLimitIsMarkedByTheDefaultPolicyAndHeldByTheStrictOne() throws Exception {
        // Ordinary words past the default limit of 2,000,000 characters: nothing to find, but not all of it read.
        String longReport = "Leaflet delivery rota for the Saturday rounds, weather permitting. ".repeat(32_000);
        Path shipped = Path.of("..", "policies");

        assertThat(verdictOf(shipped.resolve("default-policy.yaml"), "printer@elsewhere.example", longReport))
                .isEqualTo("monitor");
        assertThat(verdictOf(shipped.resolve("default-policy.yaml"), "agent@party.example", longReport))
                .isEqualTo("pass");
        assertThat(verdictOf(shipped.resolve("examples/strict-policy.yaml"), "printer@elsewhere.example", longReport))
                .isEqualTo("quarantine");
        assertThat(verdictOf(shipped.resolve("examples/strict-policy.yaml"), "printer@elsewhere.example",
                "Leaflet delivery rota for the Saturday rounds."))
                .as("a short text is read to the end").isEqualTo("pass");
    }

    private String verdictOf(Path policyFile, String recipient, String body) throws Exception {
        Inspect mailet = new Inspect();
        mailet.init(FakeMailetConfig.builder().mailetName("Inspect").setProperty("policy", policyFile.toString())
                .setProperty("stateFolder", temp.resolve("state").toString()).build());
        FakeMail mail = FakeMail.builder()
                .name("long")
                .sender("volunteer@party.example")
                .recipient(recipient)
                .mimeMessage(MimeMessageBuilder.mimeMessageBuilder().setSubject("Rota").setText(body))
                .build();
        mailet.service(mail);
        return mail.getMessage().getHeader("X-Outward-Verdict")[0];
    }
}
