package org.outward.detect.personal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Message-level recall and false-positive rate of a corpus, overall and per layout family, printed as a
 * table. Misses and false alarms are listed by path with their redacted findings only.
 */
final class FamilyFigures {

    /** The confusion counts of one family (or of the whole corpus). */
    private static final class Counts {
        int tp;
        int fn;
        int fp;
        int tn;

        double recall() {
            return tp + fn == 0 ? Double.NaN : (double) tp / (tp + fn);
        }

        double falsePositiveRate() {
            return fp + tn == 0 ? Double.NaN : (double) fp / (fp + tn);
        }
    }

    private final String corpus;
    private final Counts total = new Counts();
    private final Map<String, Counts> families = new TreeMap<>();
    private final List<String> wrong = new ArrayList<>();

    FamilyFigures(String corpus) {
        this.corpus = corpus;
    }

    void add(String family, String path, boolean positive, boolean flagged, Object finding) {
        Counts family0 = families.computeIfAbsent(family, f -> new Counts());
        for (Counts c : List.of(total, family0)) {
            if (positive && flagged) {
                c.tp++;
            } else if (positive) {
                c.fn++;
            } else if (flagged) {
                c.fp++;
            } else {
                c.tn++;
            }
        }
        if (positive != flagged) {
            wrong.add((positive ? "MISS " : "FALSE ALARM ") + path + " " + finding);
        }
    }

    double recall() {
        return total.recall();
    }

    double falsePositiveRate() {
        return total.falsePositiveRate();
    }

    /** The table: one line a family, then the totals, then every miss and false alarm. */
    String report() {
        StringBuilder b = new StringBuilder(String.format("%n%s: %d messages%n", corpus,
                total.tp + total.fn + total.fp + total.tn));
        b.append(String.format("  %-24s %5s %5s %7s %5s %5s %5s%n", "family", "pos", "found", "recall", "neg",
                "flag", "FPR"));
        families.forEach((name, c) -> b.append(line(name, c)));
        b.append(line("ALL", total));
        wrong.forEach(w -> b.append("  ").append(w).append('\n'));
        return b.toString();
    }

    private static String line(String name, Counts c) {
        return String.format("  %-24s %5d %5d %7s %5d %5d %5s%n", name, c.tp + c.fn, c.tp,
                c.tp + c.fn == 0 ? "-" : String.format("%.3f", c.recall()), c.fp + c.tn, c.fp,
                c.fp + c.tn == 0 ? "-" : String.format("%.3f", c.falsePositiveRate()));
    }
}
