package org.outward.backends;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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

    private final List<PostgresS3Backend> opened = new ArrayList<>();
    private Map<String, String> settings;

    @BeforeEach
    void freshStore() throws IOException {
        settings = BACKENDS.freshSettings();
    }

    @AfterEach
    void closeNodes() {
        opened.forEach(PostgresS3Backend::close);
    }

    /** Each state gets a backend of its own, as two portal nodes would. */
    @Override
    protected PortalState open(PortalConfig.Limits limits, Clock clock) throws IOException {
        PostgresS3Backend backend = TestBackends.open(settings);
        opened.add(backend);
        return SqlPortalState.open(backend.database(), limits, clock);
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
    void sessionsAndTheCsrfKeyAreShared() throws IOException {
        PortalState nodeA = open(LIMITS, clock);
        PortalState nodeB = open(LIMITS, clock);
        String session = nodeA.sessions().open(item('a'));
        assertThat(nodeB.sessions().allows(session, item('a'))).isTrue();
        assertThat(nodeB.sessions().allows(session, item('b'))).isFalse();
        assertThat(nodeB.csrfKey()).isEqualTo(nodeA.csrfKey());
    }
}
