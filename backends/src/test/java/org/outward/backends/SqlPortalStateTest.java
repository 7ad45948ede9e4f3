package org.outward.backends;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.outward.backends.portal.SqlPortalState;
import org.outward.portal.OneTimeCodes;
import org.outward.portal.PortalConfig;
import org.outward.portal.PortalState;
import org.outward.portal.PortalStateContract;

/** The shared portal state passes the same {@link PortalStateContract} as the in-memory one, across nodes too. */
class SqlPortalStateTest extends PortalStateContract {

    @RegisterExtension
    static final TestBackends BACKENDS = new TestBackends();

    /** Each state gets a backend of its own, as two portal nodes would. */
    @Override
    protected PortalState open(PortalConfig.Limits limits, Clock clock) throws IOException {
        return SqlPortalState.open(BACKENDS.node().database(), limits, clock);
    }

    @Test
    void triesCountOnceAcrossNodes() throws Exception {
        OneTimeCodes nodeA = open(LIMITS, clock).codes();
        OneTimeCodes nodeB = open(LIMITS, clock).codes();
        String code = nodeA.issue(item('a')).orElseThrow();
        String wrong = code.equals("00000000") ? "11111111" : "00000000";
        List<OneTimeCodes.Outcome> outcomes = tryConcurrently(20, wrong, nodeA, nodeB);
        assertThat(outcomes).filteredOn(o -> o == OneTimeCodes.Outcome.WRONG).hasSize(LIMITS.codeTries() - 1);
        assertThat(nodeB.locked(item('a'))).isTrue();
        assertThat(nodeA.verify(item('a'), code).outcome()).isEqualTo(OneTimeCodes.Outcome.LOCKED);
    }

    @Test
    void aCodeIssuedByOneNodeIsAcceptedByAnotherOnce() throws IOException {
        OneTimeCodes nodeA = open(LIMITS, clock).codes();
        OneTimeCodes nodeB = open(LIMITS, clock).codes();
        String code = nodeA.issue(item('a')).orElseThrow();
        assertThat(nodeB.verify(item('a'), code).outcome()).isEqualTo(OneTimeCodes.Outcome.ACCEPTED);
        assertThat(nodeA.verify(item('a'), code).outcome()).isEqualTo(OneTimeCodes.Outcome.WRONG);
    }

    @Test
    void codesSentAreCountedOnceAcrossNodes() throws IOException {
        OneTimeCodes nodeA = open(LIMITS, clock).codes();
        OneTimeCodes nodeB = open(LIMITS, clock).codes();
        for (int i = 0; i < LIMITS.codesPerLink(); i++) {
            assertThat((i % 2 == 0 ? nodeA : nodeB).issue(item('a'))).isPresent();
        }
        assertThat(nodeA.issue(item('a'))).isEmpty();
        assertThat(nodeB.issue(item('a'))).isEmpty();
    }

    @Test
    void sessionsAndTheCsrfKeyAreShared() throws IOException {
        PortalState nodeA = open(LIMITS, clock);
        PortalState nodeB = open(LIMITS, clock);
        String session = nodeA.sessions().open(item('a'));
        assertThat(nodeB.sessions().allows(session, item('a'))).isTrue();
        assertThat(nodeB.sessions().allows(session, item('b'))).isFalse();
        assertThat(nodeB.csrfKey()).isEqualTo(nodeA.csrfKey());
    }
}
