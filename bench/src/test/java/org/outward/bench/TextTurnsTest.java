package org.outward.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The turns tool measures every mix, both sides, every round, and reports the medians it measured. */
class TextTurnsTest {

    @Test
    void everyMixHasBothSidesMeasuredInEveryRound() throws Exception {
        List<TextTurns.Mix> mixes = TextTurns.run(3, 20);

        assertThat(mixes).extracting(TextTurns.Mix::name)
                .containsExactly("prose-negatives", "prose-people", "long-document");
        for (TextTurns.Mix mix : mixes) {
            assertThat(mix.detection()).hasSize(3);
            assertThat(mix.baseline()).hasSize(3);
            for (int r = 0; r < 3; r++) {
                assertThat(mix.detection()[r]).as("%s detection, round %d", mix.name(), r).isPositive().isFinite();
                assertThat(mix.baseline()[r]).as("%s baseline, round %d", mix.name(), r).isPositive().isFinite();
            }
            assertThat(mix.ratios()[1]).isEqualTo(mix.detection()[1] / mix.baseline()[1]);
        }
    }

    @Test
    void quartilesAreThoseOfTheSortedValues() {
        assertThat(TextTurns.quartiles(new double[] {5, 1, 4, 2, 3, 8, 7, 6}, "%.1f")).isEqualTo("5.0 (3.0-7.0)");
    }
}
