package org.outward.james;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import javax.mail.MessagingException;

import org.apache.mailet.base.test.FakeMailetConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mailet made without injection (a test harness, a container that does not use Guice) has no shared back end: one
 * whose configuration asks for {@code shared} stops at init and says where the back end is chosen, rather than
 * reading one from the environment.
 */
class SharedSettingWithoutInjectionTest {

    @TempDir
    Path temp;

    @Test
    void aSharedVaultStopsWrapAtInitSayingWhereTheBackEndIsNamed() {
        Wrap wrap = new Wrap();
        assertThatThrownBy(() -> wrap.init(FakeMailetConfig.builder().mailetName("Wrap")
                .setProperty("vault", "shared").setProperty("portalUrl", "https://files.party.example").build()))
                .isInstanceOf(MessagingException.class)
                .hasMessageContaining("Wrap: cannot use the vault shared")
                .hasMessageContaining("extensions.properties")
                .hasMessageContaining("org.outward.backends.PostgresS3Module");
    }

    @Test
    void sharedCorrelationStateStopsInspectAtInit() throws Exception {
        Path policy = Files.writeString(temp.resolve("policy.yaml"), "version: 1\nrules: [{id: a, when: {finding: password}, action: block}]\n");
        Inspect inspect = new Inspect();
        assertThatThrownBy(() -> inspect.init(FakeMailetConfig.builder().mailetName("Inspect")
                .setProperty("policy", policy.toString()).setProperty("stateFolder", temp.resolve("state").toString())
                .setProperty("correlationState", "shared").build()))
                .isInstanceOf(MessagingException.class)
                .hasMessageContaining("Inspect: cannot keep the correlation state shared")
                .hasMessageContaining("extensions.properties");
    }

    @Test
    void sharedReportTicketsStopNotifySenderAtInit() {
        NotifySender notify = new NotifySender();
        assertThatThrownBy(() -> notify.init(FakeMailetConfig.builder().mailetName("NotifySender")
                .setProperty("vault", "shared").setProperty("portalUrl", "https://files.party.example").build()))
                .isInstanceOf(MessagingException.class)
                .hasMessageContaining("extensions.properties");
    }
}
