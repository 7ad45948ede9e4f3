package org.outward.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.outward.detect.personal.PersonalDataDetector;
import org.outward.detect.personal.TextAndTables;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Plain-text detection and its baseline (the regex word split of {@link PersonalDataBenchmark}) taken in
 * short alternating turns on the same mixes, so that each round's ratio compares the two at the same moment.
 * This machine changes speed by up to two times within minutes, for reasons outside it, and JMH measures
 * detection and baseline minutes apart: its ratios then swing as much as the speed does. The median of the
 * rounds' ratios is not moved by the speed's changes within a run (between JVM runs it still moves, as each
 * JVM compiles the code its own way: compare several runs); the MB/s medians show the speeds the run saw.
 * Under G1 the long document's split allocates humongous arrays, which hold its baseline back and start
 * concurrent cycles that can run on into the other mixes' turns; {@code JAVA_OPTS="-Xmx1g -XX:+UseParallelGC"}
 * takes that out of the comparison (see {@link PersonalDataBenchmark}).
 *
 * <pre>
 * bench/text-turns --rounds 60 --turn-ms 300
 * </pre>
 */
@Command(name = "text-turns", mixinStandardHelpOptions = true,
        description = "Plain-text detection against the regex word split, in alternating turns.")
public final class TextTurns implements Callable<Integer> {

    @Option(names = "--rounds", description = "Rounds measured, after five that warm up (default: ${DEFAULT-VALUE}).")
    int rounds = 60;

    @Option(names = "--turn-ms", description = "Milliseconds of each turn (default: ${DEFAULT-VALUE}).")
    int turnMillis = 300;

    /** One mix's measurements, a value per round. */
    record Mix(String name, double[] detection, double[] baseline) {

        double[] ratios() {
            double[] ratios = new double[detection.length];
            for (int r = 0; r < ratios.length; r++) {
                ratios[r] = detection[r] / baseline[r];
            }
            return ratios;
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new TextTurns()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (rounds < 1 || turnMillis < 1) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "--rounds and --turn-ms must be at least 1 (got " + rounds + " and " + turnMillis + ")");
        }
        System.out.printf(Locale.ROOT, "%d rounds of %d ms turns; max heap %d MB%n", rounds, turnMillis,
                Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf(Locale.ROOT, "%-16s %26s %26s %26s%n", "mix", "detection MB/s (q1-q3)",
                "baseline MB/s (q1-q3)", "ratio (q1-q3)");
        for (Mix mix : run(rounds, turnMillis)) {
            System.out.printf(Locale.ROOT, "%-16s %26s %26s %26s%n", mix.name(), quartiles(mix.detection(), "%.1f"),
                    quartiles(mix.baseline(), "%.1f"), quartiles(mix.ratios(), "%.3f"));
        }
        return 0;
    }

    /** Each mix's MB/s in every measured round, detection and baseline taking turns within the round. */
    static List<Mix> run(int rounds, int turnMillis) throws Exception {
        PersonalDataDetector detector = new PersonalDataDetector();
        List<String> names = PersonalDataBenchmark.TextMix.MIXES;
        List<List<String>> texts = new ArrayList<>();
        List<long[]> sizes = new ArrayList<>();
        for (String name : names) {
            List<String> parts = PersonalDataBenchmark.TextMix.parts(name);
            texts.add(parts);
            sizes.add(parts.stream().mapToLong(p -> p.getBytes(StandardCharsets.UTF_8).length).toArray());
        }
        double[][] detection = new double[names.size()][rounds];
        double[][] baseline = new double[names.size()][rounds];
        long turn = turnMillis * 1_000_000L;
        int words = 0;
        for (int round = -5; round < rounds; round++) {
            for (int m = 0; m < names.size(); m++) {
                List<String> parts = texts.get(m);
                long[] size = sizes.get(m);
                // Which goes first alternates, so neither always follows the other's garbage.
                for (int k = 0; k < 2; k++) {
                    boolean detect = (k == 0) == (round % 2 == 0);
                    long start = System.nanoTime();
                    long bytes = 0;
                    int i = 0;
                    while (System.nanoTime() - start < turn) {
                        if (detect) {
                            detector.inspect(TextAndTables.text(parts.get(i)));
                        } else {
                            words += PersonalDataBenchmark.words(parts.get(i));
                        }
                        bytes += size[i];
                        i = (i + 1) % parts.size();
                    }
                    double mbPerSecond = bytes * 1000.0 / (System.nanoTime() - start);
                    if (round >= 0) {
                        (detect ? detection : baseline)[m][round] = mbPerSecond;
                    }
                }
            }
        }
        if (words == 0) {
            throw new IllegalStateException("the baseline split no words");
        }
        List<Mix> mixes = new ArrayList<>();
        for (int m = 0; m < names.size(); m++) {
            mixes.add(new Mix(names.get(m), detection[m], baseline[m]));
        }
        return mixes;
    }

    /** "median (first quartile-third quartile)". */
    static String quartiles(double[] values, String format) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return String.format(Locale.ROOT, format + " (" + format + "-" + format + ")", sorted[n / 2], sorted[n / 4],
                sorted[(3 * n) / 4]);
    }
}
