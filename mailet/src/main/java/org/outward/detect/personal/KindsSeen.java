package org.outward.detect.personal;

import java.util.Arrays;
import java.util.Set;

/**
 * The kinds a finding has seen so far, gathered as records are counted: a handful of kinds added once per
 * detail, where a sorted set compared kinds on every add and a text's records hold many details. Sorted once,
 * when the finding is made.
 */
final class KindsSeen {

    private DataKind[] kinds = new DataKind[8];
    private int size;

    void add(DataKind kind) {
        for (int i = 0; i < size; i++) {
            if (kinds[i] == kind) {
                return; // the built-in constants themselves, nearly always
            }
        }
        for (int i = 0; i < size; i++) {
            if (kinds[i].equals(kind)) {
                return;
            }
        }
        if (size == kinds.length) {
            kinds = Arrays.copyOf(kinds, size * 2);
        }
        kinds[size++] = kind;
    }

    int size() {
        return size;
    }

    /** The kinds in their order. */
    Set<DataKind> toSet() {
        return SortedKinds.sorting(kinds, size);
    }
}
