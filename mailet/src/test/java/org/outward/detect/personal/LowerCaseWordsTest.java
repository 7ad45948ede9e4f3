package org.outward.detect.personal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A stretch is one of the words exactly when its lower-cased copy is. */
class LowerCaseWordsTest {

    private static final Set<String> WORDS = Set.of("road", "lane", "ward's", "st", "x", "upper", "rd", "roads");
    private static final LowerCaseWords SET = new LowerCaseWords(WORDS);

    @Test
    void aStretchIsAWordWhenItsLowerCasedCopyIs() {
        Random random = new Random(20);
        List<String> pieces = List.of("Road", "ROAD", "road", "rOaD", "Lane", "Ward's", "WARD’S", "St", "X", "Upper",
                "s", "d", "R", "a", " ", "-", "'", "’", ".");
        int words = 0;
        for (int i = 0; i < 50_000; i++) {
            String text = RandomText.ofPieces(random, pieces, 1 + random.nextInt(4));
            int from = random.nextInt(text.length());
            int to = from + random.nextInt(text.length() - from + 1);
            boolean expected = WORDS.contains(text.substring(from, to).toLowerCase(Locale.ROOT));
            assertThat(SET.contains(text, from, to)).as("[%s] %d-%d", text, from, to).isEqualTo(expected);
            words += expected ? 1 : 0;
        }
        assertThat(words).isGreaterThan(1000);
    }

    @Test
    void refusesWordsWithCapitals() {
        assertThatThrownBy(() -> new LowerCaseWords(List.of("Road"))).isInstanceOf(IllegalArgumentException.class);
    }
}
