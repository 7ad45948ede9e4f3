package org.outward.console;

import java.util.ArrayList;
import java.util.List;

import org.outward.policy.Action;

/**
 * Messages counted by verdict, in {@link #ORDER} (strictest first, as the digest shows them).
 *
 * @param counts one count per verdict of {@link #ORDER}
 */
record VerdictCounts(List<Integer> counts) {

    /** block, quarantine, wrap, warn, monitor, pass. */
    static final List<Action> ORDER = List.of(Action.BLOCK, Action.QUARANTINE, Action.WRAP, Action.WARN,
            Action.MONITOR, Action.PASS);

    VerdictCounts {
        counts = List.copyOf(counts);
        if (counts.size() != ORDER.size()) {
            throw new IllegalArgumentException("one count per verdict");
        }
    }

    /** A tally's array, one slot per verdict of {@link #ORDER}. */
    static VerdictCounts of(int[] tally) {
        List<Integer> counts = new ArrayList<>(tally.length);
        for (int count : tally) {
            counts.add(count);
        }
        return new VerdictCounts(counts);
    }

    /** The slot of a verdict word in a tally's array; an unknown word counts as {@code pass}, as the digest does. */
    static int slot(String verdict) {
        int slot = ORDER.indexOf(Action.fromWord(verdict));
        return slot < 0 ? ORDER.size() - 1 : slot;
    }

    /** All the messages, whatever their verdict. */
    int judged() {
        return counts.stream().mapToInt(Integer::intValue).sum();
    }

    int of(Action verdict) {
        return counts.get(ORDER.indexOf(verdict));
    }
}
