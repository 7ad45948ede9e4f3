package org.outward.detect.personal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The quick look at a header's last word never turns away a header that names a reference. */
class ReferenceHeaderTest {

    @Test
    void everyHeaderNamingAReferenceGetsPastTheLastWord() {
        String[] words = {"hire", "job", "Asset", "BOOKING", "order", "case", "stock", "ref", "Reference", "no", "NUMBER",
                "num", "id", "Code", "tag", "x", "jane", "smith", "12", "ref1"};
        String[] gaps = {" ", "  ", "_", ". ", "-", "/", " #", ":"};
        Random random = new Random(207);
        int naming = 0;
        for (int k = 0; k < 100_000; k++) {
            StringBuilder header = new StringBuilder(random.nextBoolean() ? "" : " ");
            for (int w = 0, count = 1 + random.nextInt(3); w < count; w++) {
                header.append(w == 0 ? "" : gaps[random.nextInt(gaps.length)]).append(words[random.nextInt(words.length)]);
            }
            header.append(random.nextBoolean() ? "" : random.nextBoolean() ? "." : " :");
            String h = header.toString();
            if (ReferenceHeader.namesAThing(ColumnRole.normal(h))) {
                naming++;
                assertThat(ReferenceHeader.mayEndOne(h)).as(h).isTrue();
            }
        }
        assertThat(naming).isGreaterThan(1_000);
        assertThat(ReferenceHeader.mayEndOne("Jane Smith")).isFalse();
        assertThat(ReferenceHeader.mayEndOne("07700 900123")).isFalse();
        assertThat(ReferenceHeader.mayEndOne("Hire Réf")).isTrue(); // beyond ASCII: not known
        // A digit rules a header out, beyond ASCII or not: the shape's words are letters.
        assertThat(ReferenceHeader.namesAThing(ColumnRole.normal("Flat 2 ref"))).isFalse();
        assertThat(ReferenceHeader.mayEndOne("Flat 2 ref")).isFalse();
        assertThat(ReferenceHeader.mayEndOne("Réf 2 no")).isFalse();
    }
}
