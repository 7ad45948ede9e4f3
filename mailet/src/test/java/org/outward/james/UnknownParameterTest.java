package org.outward.james;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;

import javax.mail.MessagingException;

import org.apache.mailet.Mailet;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Outward mailet refuses a parameter it does not know, naming itself and the parameter, before it reads
 * anything else: a misspelt {@code <policy>} must stop James rather than leave the mailet on a default.
 */
class UnknownParameterTest {

    static Stream<Mailet> mailets() {
        return Stream.of(new Inspect(), new Wrap(), new NotifySender(), new AddVerdictHeaders(), new ReleaseHeld(),
                new DeleteHeld(), new ExpireHeldMail(null, java.time.Clock.systemUTC()), new NoticeDelayedMail(null));
    }

    @ParameterizedTest
    @MethodSource("mailets")
    void aMisspeltParameterIsRefusedByName(Mailet mailet) {
        String name = mailet.getClass().getSimpleName();

        assertThatThrownBy(() -> mailet.init(FakeMailetConfig.builder().mailetName(name)
                .mailetContext(FakeMailContext.defaultContext())
                .setProperty("polcy", "/etc/outward/policy.yaml").build()))
                .isInstanceOf(MessagingException.class)
                .hasMessageStartingWith(name + ": ")
                .hasMessageContaining("<polcy>");
    }

    @ParameterizedTest
    @MethodSource("mailets")
    void jamesOwnErrorParametersAreNotRefusedAsUnknown(Mailet mailet) {
        String name = mailet.getClass().getSimpleName();
        try {
            mailet.init(FakeMailetConfig.builder().mailetName(name).mailetContext(FakeMailContext.defaultContext())
                    .setProperty("onMailetException", "propagate").build());
        } catch (MessagingException e) {
            // Required parameters are missing here; what matters is that the error parameter is not the complaint.
            assertThat(e.getMessage()).doesNotContain("onMailetException");
        }
    }
}
