package org.outward.detect.personal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The kinds of a finding, held sorted in an array, are the set a {@code TreeSet} of them was. */
class SortedKindsTest {

    @Test
    void holdsWhatATreeSetOfTheKindsHolds() {
        List<DataKind> pool = new ArrayList<>(DataKind.builtIn());
        pool.add(DataKind.identifier("membership-number"));
        pool.add(DataKind.identifier("case-reference"));
        pool.add(DataKind.identifier("case-reference"));
        Random random = new Random(41);
        for (int i = 0; i < 2_000; i++) {
            List<DataKind> gathered = new ArrayList<>();
            for (int k = random.nextInt(12); k > 0; k--) {
                gathered.add(pool.get(random.nextInt(pool.size())));
            }
            TreeSet<DataKind> tree = new TreeSet<>(gathered);
            SortedKinds sorted = i % 2 == 0 ? SortedKinds.of(gathered)
                    : SortedKinds.sorting(gathered.toArray(new DataKind[0]), gathered.size());
            assertThat(sorted).containsExactlyElementsOf(tree);
            assertThat(sorted).isEqualTo(tree);
            assertThat(tree).isEqualTo(sorted);
            assertThat(sorted.hashCode()).isEqualTo(tree.hashCode());
            assertThat(sorted.toString()).isEqualTo(tree.toString());
            for (DataKind kind : pool) {
                assertThat(sorted.contains(kind)).isEqualTo(tree.contains(kind));
            }
        }
    }

    @Test
    void isUnmodifiableAndNotCopiedAgain() {
        SortedKinds kinds = SortedKinds.of(List.of(DataKind.POSTCODE, DataKind.PERSON_NAME));
        assertThatThrownBy(() -> kinds.add(DataKind.PHONE)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> kinds.iterator().remove()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(SortedKinds.of(kinds)).isSameAs(kinds);
        assertThat(new PersonalDataFinding(3, kinds, java.util.Set.of(), 0.9, List.of()).kinds()).isSameAs(kinds);
    }
}
