package org.outward.detect.secret;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Message-level counts per family of a labelled corpus: for a family of disclosures, how many were found
 * (recall); for a family of look-alikes, how many raised a finding (false-positive rate). Prints paths and
 * families only, never a message's text.
 */
final class FamilyTally {

    private final Map<String, int[]> disclosures = new TreeMap<>();
    private final Map<String, int[]> lookAlikes = new TreeMap<>();
    private final List<String> wrong = new ArrayList<>();

    /** Counts one message: {@code [found, total]} in its family. */
    void add(String family, boolean hasSecret, boolean found, String path) {
        int[] counts = (hasSecret ? disclosures : lookAlikes).computeIfAbsent(family, f -> new int[2]);
        counts[1]++;
        if (found) {
            counts[0]++;
        }
        if (found != hasSecret) {
            wrong.add((hasSecret ? "MISS " : "FALSE ALARM ") + path + " (" + family + ")");
        }
    }

    double recall() {
        return ratio(disclosures);
    }

    double falsePositiveRate() {
        return ratio(lookAlikes);
    }

    int disclosureCount() {
        return disclosures.values().stream().mapToInt(c -> c[1]).sum();
    }

    int lookAlikeCount() {
        return lookAlikes.values().stream().mapToInt(c -> c[1]).sum();
    }

    /** The table of figures, one row a family, and the messages judged wrongly. */
    String report(String title) {
        StringBuilder out = new StringBuilder(title).append('\n');
        out.append(String.format("  %-52s %5s %5s %8s%n", "disclosure family", "found", "of", "recall"));
        disclosures.forEach((family, c) -> out.append(row(family, c)));
        out.append(String.format("  %-52s %5s %5s %8s%n", "look-alike family", "alarm", "of", "FPR"));
        lookAlikes.forEach((family, c) -> out.append(row(family, c)));
        out.append(String.format("  all: recall %.3f (%d messages), false-positive rate %.3f (%d messages)%n",
                recall(), disclosureCount(), falsePositiveRate(), lookAlikeCount()));
        wrong.forEach(w -> out.append("  ").append(w).append('\n'));
        return out.toString();
    }

    private static String row(String family, int[] c) {
        return String.format("  %-52s %5d %5d %8.3f%n", family, c[0], c[1], (double) c[0] / c[1]);
    }

    private static double ratio(Map<String, int[]> families) {
        int hit = families.values().stream().mapToInt(c -> c[0]).sum();
        int all = families.values().stream().mapToInt(c -> c[1]).sum();
        return all == 0 ? 0 : (double) hit / all;
    }
}
