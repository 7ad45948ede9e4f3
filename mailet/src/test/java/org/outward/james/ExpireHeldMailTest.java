package org.outward.james;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import javax.mail.MessagingException;

import org.apache.commons.configuration2.BaseHierarchicalConfiguration;
import org.apache.james.core.builder.MimeMessageBuilder;
import org.apache.james.mailrepository.api.MailRepository;
import org.apache.james.mailrepository.api.MailRepositoryUrl;
import org.apache.james.mailrepository.api.Protocol;
import org.apache.james.mailrepository.memory.MailRepositoryStoreConfiguration;
import org.apache.james.mailrepository.memory.MemoryMailRepository;
import org.apache.james.mailrepository.memory.MemoryMailRepositoryStore;
import org.apache.james.mailrepository.memory.MemoryMailRepositoryUrlStore;
import org.apache.james.mailrepository.memory.SimpleMailRepositoryLoader;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retention of held mail, against James's own in-memory mail repository store. */
class ExpireHeldMailTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final String BLOCKED = "memory://var/mail/outward-blocked/";

    @TempDir
    Path temp;

    private Path policy;
    private MemoryMailRepositoryStore store;
    private MailRepository repository;
    private final List<ExpireHeldMail> started = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        policy = writePolicy("retention:\n  blocked: 30d\n  quarantine: 5d\n");
        store = new MemoryMailRepositoryStore(new MemoryMailRepositoryUrlStore(), new SimpleMailRepositoryLoader(),
                MailRepositoryStoreConfiguration.forItems(new MailRepositoryStoreConfiguration.Item(
                        List.of(new Protocol("memory")), MemoryMailRepository.class.getName(),
                        new BaseHierarchicalConfiguration())));
        store.init();
        repository = store.select(MailRepositoryUrl.from(BLOCKED));
    }

    @AfterEach
    void stop() {
        started.forEach(ExpireHeldMail::destroy);
    }

    private Path writePolicy(String retention) throws Exception {
        return Files.writeString(temp.resolve("policy.yaml"), "version: 1\n" + retention
                + "rules:\n  - id: password-in-message\n    when: {finding: password}\n    action: block\n");
    }

    /** Its timer is set a day ahead, so only the sweeps a test asks for run. */
    private ExpireHeldMail mailet(String retention) throws MessagingException {
        ExpireHeldMail mailet = new ExpireHeldMail(store, Clock.fixed(NOW, ZoneOffset.UTC));
        mailet.init(FakeMailetConfig.builder().mailetName("ExpireHeldMail")
                .setProperty("repositoryPath", BLOCKED)
                .setProperty("retention", retention)
                .setProperty("policy", policy.toString())
                .setProperty("sweepSeconds", "86400")
                .setProperty("firstSweepSeconds", "86400")
                .build());
        started.add(mailet);
        return mailet;
    }

    private void hold(String name, Duration age) throws Exception {
        FakeMail mail = FakeMail.builder()
                .name(name)
                .sender("volunteer@party.example")
                .recipient("agent@elsewhere.example")
                .mimeMessage(MimeMessageBuilder.mimeMessageBuilder()
                        .addHeader("Message-ID", "<" + name + "@party.example>")
                        .setSubject("canvass")
                        .setText("held"))
                .lastUpdated(Date.from(NOW.minus(age)))
                .build();
        repository.store(mail);
    }

    private List<String> held() throws MessagingException {
        List<String> names = new ArrayList<>();
        repository.list().forEachRemaining(key -> names.add(key.asString()));
        return names;
    }

    @Test
    void deletesOnlyMailHeldLongerThanTheBlockedRetention() throws Exception {
        hold("old", Duration.ofDays(31));
        hold("young", Duration.ofDays(29));
        hold("today", Duration.ofMinutes(5));
        ExpireHeldMail mailet = mailet("blocked");

        assertThat(mailet.sweep()).isEqualTo(1);
        assertThat(held()).containsExactlyInAnyOrder("young", "today");
    }

    @Test
    void quarantineUsesItsOwnRetention() throws Exception {
        hold("six-days", Duration.ofDays(6));
        hold("four-days", Duration.ofDays(4));

        mailet("quarantine").sweep();

        assertThat(held()).containsExactly("four-days");
    }

    @Test
    void anEditedRetentionAppliesAtTheNextSweep() throws Exception {
        hold("twelve-days", Duration.ofDays(12));
        ExpireHeldMail mailet = mailet("blocked");
        assertThat(mailet.sweep()).isZero();

        // A new size as well as a new time: the holder notices either, whatever the file system's clock grain.
        policy = writePolicy("retention:\n  blocked: 10d\n");

        assertThat(mailet.sweep()).isEqualTo(1);
        assertThat(held()).isEmpty();
    }

    @Test
    void mailPassingThroughGoesOnUnchanged() throws Exception {
        ExpireHeldMail mailet = mailet("blocked");
        FakeMail mail = FakeMail.builder().name("passing").state("outward-blocked")
                .mimeMessage(MimeMessageBuilder.mimeMessageBuilder().setText("hello")).build();

        mailet.service(mail);

        assertThat(mail.getState()).isEqualTo("outward-blocked");
        assertThat(held()).isEmpty();
    }

    @Test
    void theDefaultRetentionIsThirtyDays() throws Exception {
        policy = writePolicy("");
        hold("thirty-one-days", Duration.ofDays(31));
        hold("twenty-nine-days", Duration.ofDays(29));

        mailet("quarantine").sweep();

        assertThat(held()).containsExactly("twenty-nine-days");
    }

    @Test
    void refusesAConfigurationItCannotHonour() {
        ExpireHeldMail mailet = new ExpireHeldMail(store, Clock.fixed(NOW, ZoneOffset.UTC));
        assertThatThrownBy(() -> mailet.init(FakeMailetConfig.builder().mailetName("ExpireHeldMail")
                .setProperty("repositoryPath", BLOCKED).setProperty("retention", "forever")
                .setProperty("policy", policy.toString()).build()))
                .isInstanceOf(MessagingException.class).hasMessageContaining("blocked or quarantine");
        assertThatThrownBy(() -> mailet.init(FakeMailetConfig.builder().mailetName("ExpireHeldMail")
                .setProperty("retention", "blocked").setProperty("policy", policy.toString()).build()))
                .isInstanceOf(MessagingException.class).hasMessageContaining("repositoryPath");
    }

    @Test
    void aRetentionUnderADayIsAPolicyError() throws Exception {
        policy = writePolicy("retention:\n  blocked: 2h\n");
        ExpireHeldMail mailet = new ExpireHeldMail(store, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThatThrownBy(() -> mailet.init(FakeMailetConfig.builder().mailetName("ExpireHeldMail")
                .setProperty("repositoryPath", BLOCKED).setProperty("retention", "blocked")
                .setProperty("policy", policy.toString()).build()))
                .isInstanceOf(MessagingException.class).hasMessageContaining("retention.blocked");
    }
}
