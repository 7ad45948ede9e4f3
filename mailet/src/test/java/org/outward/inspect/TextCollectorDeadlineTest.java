package org.outward.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Plain text is read on the caller's thread; the collector's own deadline is what bounds that read. */
class TextCollectorDeadlineTest {

    @Test
    void theFirstEventPastTheDeadlineStopsTheParseAndKeepsTheTextSoFar() throws Exception {
        TextCollector collector = new TextCollector(1_000, System.nanoTime() + 60_000_000_000L);
        collector.characters("before".toCharArray(), 0, 6);
        assertThat(collector.timedOut()).isFalse();

        TextCollector late = new TextCollector(1_000, System.nanoTime() - 1);
        assertThatThrownBy(() -> late.characters("after".toCharArray(), 0, 5)).isInstanceOf(TextCollector.Stop.class);
        assertThat(late.timedOut()).isTrue();
        assertThat(late.stopped()).isTrue();
        assertThat(late.result(false).truncated()).isTrue();
        assertThat(collector.result(false).text()).isEqualTo("before");
    }
}
