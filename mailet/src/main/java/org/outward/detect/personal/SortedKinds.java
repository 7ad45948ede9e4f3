package org.outward.detect.personal;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The kinds of a finding: an unmodifiable set that iterates in the kinds' order, held in a sorted array. A
 * finding is made for every passage and table that holds records, and copying its few kinds into a tree, once
 * where they were gathered and again in the finding, cost more than sorting them once.
 */
final class SortedKinds extends AbstractSet<DataKind> {

    private static final SortedKinds EMPTY = new SortedKinds(new DataKind[0]);

    /** Distinct by {@link DataKind#compareTo}, in its order. */
    private final DataKind[] kinds;

    private SortedKinds(DataKind[] kinds) {
        this.kinds = kinds;
    }

    /** The kinds of the collection, sorted, each once (as a {@code TreeSet} keeps them: the first of equals). */
    static SortedKinds of(Collection<DataKind> kinds) {
        if (kinds instanceof SortedKinds sorted) {
            return sorted;
        }
        return kinds.isEmpty() ? EMPTY : sorting(kinds.toArray(new DataKind[0]), kinds.size());
    }

    /** The first {@code size} kinds of the array, which this takes over and sorts. */
    static SortedKinds sorting(DataKind[] kinds, int size) {
        if (size == 0) {
            return EMPTY;
        }
        DataKind[] sorted = Arrays.copyOf(kinds, size);
        // Stable: of kinds that compare equal, the first given stays, as a tree keeps the first added. A finding
        // has a handful of kinds, which insertion sorts with fewer comparisons and no set-up.
        for (int i = 1; i < size; i++) {
            DataKind kind = sorted[i];
            int j = i - 1;
            while (j >= 0 && sorted[j].compareTo(kind) > 0) {
                sorted[j + 1] = sorted[j];
                j--;
            }
            sorted[j + 1] = kind;
        }
        int distinct = 1;
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i].compareTo(sorted[distinct - 1]) != 0) {
                sorted[distinct++] = sorted[i];
            }
        }
        return new SortedKinds(distinct == sorted.length ? sorted : Arrays.copyOf(sorted, distinct));
    }

    @Override
    public int size() {
        return kinds.length;
    }

    @Override
    public boolean contains(Object o) {
        for (DataKind kind : kinds) {
            if (kind.equals(o)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Iterator<DataKind> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < kinds.length;
            }

            @Override
            public DataKind next() {
                if (next >= kinds.length) {
                    throw new NoSuchElementException();
                }
                return kinds[next++];
            }
        };
    }
}
