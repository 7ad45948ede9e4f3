package org.outward.backends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.outward.backends.portal.SqlPortalState;
import org.outward.portal.OneTimeCodes;
import org.outward.portal.PortalConfig;
import org.outward.portal.PortalKey;
import org.outward.portal.PortalState;
import org.outward.portal.PortalStateContract;
import org.outward.vault.ItemId;

/** The shared portal state passes the same {@link PortalStateContract} as the in-memory one, across nodes too. */
class SqlPortalStateTest extends PortalStateContract {

    @RegisterExtension
    static final TestBackends BACKENDS = new TestBackends();

    /** Each state gets a backend of its own, as two portal nodes would. */
    @Override
    protected PortalState open(PortalConfig.Limits limits, Clock clock) throws IOException {
        return SqlPortalState.open(BACKENDS.node().database(), limits, clock, key);
    }

    @Override
    protected byte[] storedCode(PortalState state, ItemId id) throws IOException {
        return BACKENDS.node().database().inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT code_hash FROM outward_portal_codes WHERE item_id = ?")) {
                select.setString(1, id.hex());
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getBytes(1);
                }
            }
        });
    }

    @Test
    void aNodeWithAnotherPortalKeyIsRefused() throws IOException {
        open(LIMITS, clock);
        assertThatThrownBy(() -> SqlPortalState.open(BACKENDS.node().database(), LIMITS, clock, PortalKey.random()))
                .isInstanceOf(IOException.class).hasMessageContaining("same portal key");
        assertThat(open(LIMITS, clock).codes().issue(item('a'))).isPresent();
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
