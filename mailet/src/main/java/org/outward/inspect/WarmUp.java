package org.outward.inspect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Lock;

import org.apache.tika.parser.Parser;

/**
 * Parses a small mix of documents ({@link WarmUpSamples}) early in a parser process's life, so that the classes
 * of Tika, PDFBox and POI are loaded and their busiest code compiled before the attachments that need them
 * arrive, instead of during them.
 *
 * <p>It must never cost mail: each sample is made and parsed on its own, and whatever goes wrong with one
 * (it cannot be made, its parser throws, it takes too long) is counted in the {@link Report} and the next
 * sample is tried. Each sample is parsed holding {@code turn}, the lock the process's own parses hold, so a
 * part never shares the CPU with the warm-up: it waits at most for the one sample being parsed. Nothing it
 * parses leaves the process, and its embedded files are skipped.
 */
final class WarmUp {

    /** Text kept per sample: enough for every parser's whole path to run, small enough to cost nothing. */
    private static final int MAX_CHARS = 100_000;

    private final Parser parser;
    private final Duration timePerSample;
    private final Lock turn;

    /** @param turn held while a sample is parsed; a fair lock, so that a part waiting for it goes first */
    WarmUp(Parser parser, Duration timePerSample, Lock turn) {
        this.parser = parser;
        this.timePerSample = timePerSample;
        this.turn = turn;
    }

    /**
     * What a warm-up did: how many samples it tried, which failed and why (the sample's name and the exception's
     * class names, as {@link TextExtractor#describe} gives them), and how long it took.
     */
    record Report(int samples, List<String> failed, long millis) {
        Report {
            failed = List.copyOf(failed);
        }

        int parsed() {
            return samples - failed.size();
        }

        @Override
        public String toString() {
            return parsed() + " of " + samples + " samples parsed in " + millis + " ms"
                    + (failed.isEmpty() ? "" : "; failed: " + String.join(", ", failed));
        }
    }

    /** Parses every sample in turn, on the calling thread. */
    Report run(List<WarmUpSamples.Sample> samples) {
        long start = System.nanoTime();
        List<String> failed = new ArrayList<>();
        for (WarmUpSamples.Sample sample : samples) {
            String why;
            turn.lock();
            try {
                why = parse(sample);
            } finally {
                turn.unlock();
            }
            if (why != null) {
                failed.add(sample.name() + ": " + why);
            }
        }
        return new Report(samples.size(), failed, (System.nanoTime() - start) / 1_000_000);
    }

    /** Why the sample failed, or null when it was parsed to its end. */
    private String parse(WarmUpSamples.Sample sample) {
        byte[] bytes;
        try {
            bytes = sample.maker().make();
        } catch (Exception | StackOverflowError | LinkageError e) {
            return "not made: " + e.getClass().getSimpleName();
        }
        Path file = null;
        TextCollector collector = new TextCollector(MAX_CHARS, System.nanoTime() + timePerSample.toNanos());
        try {
            file = Files.createTempFile("outward-warm-up-", "");
            Files.write(file, bytes);
            TextExtractor.parse(parser, file, sample.type(), sample.name(), collector, new SkipEmbedded());
            return collector.timedOut() ? "took longer than " + timePerSample.toSeconds() + " s" : null;
        } catch (Exception | StackOverflowError | LinkageError e) {
            return TextExtractor.describe(parser, sample.type(), e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (java.io.IOException e) {
                    file.toFile().deleteOnExit();
                }
            }
        }
    }

    /** Embedded files of a sample are not wanted: nothing is spooled. */
    private static final class SkipEmbedded extends EmbeddedSpooler {
        SkipEmbedded() {
            super(null, "");
        }

        @Override
        ArchiveBudget.Slot reserve() {
            return null;
        }
    }
}
