package org.outward.james;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.james.core.builder.MimeMessageBuilder;
import org.apache.james.metrics.dropwizard.DropWizardMetricFactory;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.codahale.metrics.MetricRegistry;

/** Inspect counts into James's own Dropwizard registry, the one WebAdmin's /metrics serves. */
class DecisionMetricsTest {

    @TempDir
    Path temp;

    private final MetricRegistry registry = new MetricRegistry();
    private Inspect mailet;

    @BeforeEach
    void start() throws Exception {
        Path policy = Files.writeString(temp.resolve("policy.yaml"), "version: 1\nrules:\n"
                + "  - id: password-in-message\n    when: {finding: password}\n    action: block\n");
        mailet = new Inspect(new DropWizardMetricFactory(registry));
        mailet.init(FakeMailetConfig.builder().mailetName("Inspect").setProperty("policy", policy.toString())
                .setProperty("stateFolder", temp.resolve("state").toString()).build());
    }

    private static FakeMail mail(String text, String... recipients) throws Exception {
        return FakeMail.builder().name("m").sender("volunteer@party.example").recipients(recipients)
                .mimeMessage(MimeMessageBuilder.mimeMessageBuilder().setSubject("Hello").setText(text))
                .build();
    }

    private long count(String name) {
        return registry.getMeters().get(name).getCount();
    }

    @Test
    void everyVerdictAndActionIsThereAtZeroBeforeAnyMail() {
        assertThat(registry.getMeters()).containsKeys("outward_verdict_pass", "outward_verdict_block",
                "outward_verdict_quarantine", "outward_action_wrap", "outward_action_monitor", "outward_inspection_failed");
        assertThat(registry.getMeters().values()).allSatisfy(m -> assertThat(m.getCount()).isZero());
    }

    @Test
    void countsTheVerdictPerMessageTheActionPerRecipientAndTheRuleOncePerMessage() throws Exception {
        mailet.service(mail("Password: Kettle-Orchard-42", "a@elsewhere.example", "b@elsewhere.example"));
        mailet.service(mail("See you on Saturday.", "a@elsewhere.example"));

        assertThat(count("outward_verdict_block")).isEqualTo(1);
        assertThat(count("outward_verdict_pass")).isEqualTo(1);
        assertThat(count("outward_action_block")).isEqualTo(2);
        assertThat(count("outward_action_pass")).isEqualTo(1);
        assertThat(count("outward_rule_password_in_message")).isEqualTo(1);
        assertThat(count("outward_inspection_failed")).isZero();
        assertThat(registry.getTimers().get("outward_inspection_duration_seconds").getCount()).isEqualTo(2);
    }

    @Test
    void noMetricIsNamedAfterAnythingInTheMail() throws Exception {
        mailet.service(mail("Password: Kettle-Orchard-42", "someone@elsewhere.example"));

        assertThat(registry.getNames()).allSatisfy(name -> assertThat(name)
                .matches("outward_[a-z0-9_]+")
                .doesNotContain("someone", "elsewhere", "volunteer", "kettle"));
    }
}
