package org.outward.deploy;

import java.io.PrintWriter;

import org.outward.policy.Action;

/** Expected verdict (rows) against the verdict reached (columns), over every action, mildest first. */
final class ConfusionMatrix {

    private static final Action[] ACTIONS = Action.values();
    private final int[][] counts = new int[ACTIONS.length][ACTIONS.length];

    void add(Action expected, Action actual) {
        counts[expected.ordinal()][actual.ordinal()]++;
    }

    int count(Action expected, Action actual) {
        return counts[expected.ordinal()][actual.ordinal()];
    }

    void print(PrintWriter out) {
        StringBuilder header = new StringBuilder(String.format("%-20s", "expected \\ actual"));
        for (Action action : ACTIONS) {
            header.append(String.format("%11s", action.word()));
        }
        out.println(header);
        for (Action expected : ACTIONS) {
            StringBuilder row = new StringBuilder(String.format("%-20s", expected.word()));
            for (Action actual : ACTIONS) {
                int n = count(expected, actual);
                // Dots off the diagonal keep the disagreements easy to spot.
                row.append(String.format("%11s", n == 0 ? "." : Integer.toString(n)));
            }
            out.println(row);
        }
    }
}
