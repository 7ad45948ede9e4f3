package org.outward.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outward.detect.personal.PhotographedListsTest;
import org.outward.fixtures.photos.CanvassSheets;

/**
 * A parser process killed in the middle of OCR takes its Tesseract with it: killed for its time limit, or when
 * the gateway closes its parser processes (at shutdown). Without that, each killed part would leave a Tesseract
 * running on its own until Tesseract's own time per image ran out, and a stream of slow photos would pile them
 * up. Tesseract is watched as a descendant of this JVM while the real parser process reads a large photo.
 */
class OcrProcessTreeTest {

    @TempDir
    Path dir;

    /** Time enough per image that Tesseract would still be running long after its part was given up. */
    private final OcrSettings ocr = new OcrSettings(true, "eng", 40_000_000, Duration.ofSeconds(300));

    @Test
    void aParserProcessKilledForTimeTakesItsTesseractWithIt() throws Exception {
        PhotographedListsTest.assertTesseractInstalled();
        Path photo = largePhoto();
        // The part's time: past the moment Tesseract starts reading on this machine now (a cold parser process
        // decodes, screens and cleans the photo first), and halfway through the time its reading takes. A shared
        // machine moves both, so a try that ends before Tesseract starts, or after it has finished, is tried again
        // with the time moved the other way.
        Timing timing = timeTesseract(photo);
        Duration partTime = timing.untilReading().plus(timing.reading().dividedBy(2));
        for (int attempt = 0; attempt < 4; attempt++) {
            Set<ProcessHandle> seen = ConcurrentHashMap.newKeySet();
            TextExtractor.Result result;
            try (TimeBox timeBox = new TimeBox(2);
                 ParserProcesses processes = new ParserProcesses(new ParserIsolation(1, 256,
                         ParserIsolation.LARGE_PART_BYTES, false), timeBox, r -> { });
                 Watch watch = new Watch(seen)) {
                result = processes.extract(photo, "image/jpeg", "IMG_0001.jpg", 100_000, partTime,
                        new EmbeddedSpooler(null, ""), ocr);
            }
            assertAllEnd(seen);
            if (result.timedOut() && !seen.isEmpty()) {
                return;
            }
            Duration step = timing.reading().dividedBy(3);
            partTime = result.timedOut() ? partTime.plus(step) : partTime.minus(step);
        }
        fail("no try ended the part while Tesseract was reading; Tesseract took " + timing);
    }

    @Test
    void closingTheParserProcessesEndsTheirTesseract() throws Exception {
        PhotographedListsTest.assertTesseractInstalled();
        Path photo = largePhoto();
        Set<ProcessHandle> seen = ConcurrentHashMap.newKeySet();
        try (TimeBox timeBox = new TimeBox(2); Watch watch = new Watch(seen)) {
            ParserProcesses processes = new ParserProcesses(new ParserIsolation(1, 256,
                    ParserIsolation.LARGE_PART_BYTES, false), timeBox, r -> { });
            CompletableFuture<TextExtractor.Result> parse = CompletableFuture.supplyAsync(() -> processes.extract(
                    photo, "image/jpeg", "IMG_0001.jpg", 100_000, Duration.ofSeconds(200),
                    new EmbeddedSpooler(null, ""), ocr));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (seen.isEmpty() && System.nanoTime() < deadline && !parse.isDone()) {
                Thread.sleep(50);
            }
            assertThat(seen).as("Tesseract was started for the photo").isNotEmpty();
            // Into its reading, as at a shutdown that comes while a photo is being read.
            Thread.sleep(1000);
            assertThat(seen).as("Tesseract still reading").anyMatch(ProcessHandle::isAlive);
            processes.close();
            parse.get(30, TimeUnit.SECONDS);
        }
        assertAllEnd(seen);
    }

    /**
     * A parser process that dies by itself while Tesseract reads (its own heap limit: it runs with
     * {@code -XX:+ExitOnOutOfMemoryError}, which ends the JVM at once, with no code of ours run) leaves a Tesseract
     * that is no longer its descendant. Here the parser process alone is killed from outside, as its own exit would
     * end it; its Tesseract must end too.
     */
    @Test
    void aParserProcessThatDiesByItselfTakesItsTesseractWithIt() throws Exception {
        PhotographedListsTest.assertTesseractInstalled();
        // Larger than the others': Tesseract must still be reading seconds after it starts, on a quiet machine too.
        Path photo = largePhoto(4000);
        Set<ProcessHandle> seen = ConcurrentHashMap.newKeySet();
        try (TimeBox timeBox = new TimeBox(2);
             ParserProcesses processes = new ParserProcesses(new ParserIsolation(1, 256,
                     ParserIsolation.LARGE_PART_BYTES, false), timeBox, r -> { });
             Watch watch = new Watch(seen)) {
            CompletableFuture<TextExtractor.Result> parse = CompletableFuture.supplyAsync(() -> processes.extract(
                    photo, "image/jpeg", "IMG_0001.jpg", 100_000, Duration.ofSeconds(200),
                    new EmbeddedSpooler(null, ""), ocr));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            Optional<ProcessHandle> reading = Optional.empty();
            while (reading.isEmpty() && System.nanoTime() < deadline && !parse.isDone()) {
                Thread.sleep(20);
                reading = seen.stream().filter(ProcessHandle::isAlive).findFirst();
            }
            assertThat(reading).as("Tesseract was started for the photo").isPresent();
            ProcessHandle parser = reading.get().parent().orElseThrow();
            // Past Tesseract's first line on standard error ("Estimating resolution", after it has loaded the
            // image): a Tesseract that writes to the dead process's pipe dies of it, and one that has written that
            // line stays quiet for the seconds it reads.
            Thread.sleep(3000);
            assertThat(seen).as("Tesseract still reading").anyMatch(ProcessHandle::isAlive);
            parser.destroyForcibly();
            TextExtractor.Result result = parse.get(30, TimeUnit.SECONDS);
            assertThat(result.timedOut()).as("the part ended with its process, not at its time limit").isFalse();
            assertThat(result.failed()).isEqualTo("ParserProcessEnded");
            // At once: Tesseract would go on reading for seconds more.
            assertAllEnd(seen, Duration.ofSeconds(2));
        }
    }

    /** How long a cold parser process takes to start Tesseract on the photo, and how long Tesseract then reads. */
    private record Timing(Duration untilReading, Duration reading) {
    }

    private Timing timeTesseract(Path photo) throws Exception {
        Set<ProcessHandle> seen = ConcurrentHashMap.newKeySet();
        try (TimeBox timeBox = new TimeBox(2); Watch watch = new Watch(seen);
             ParserProcesses processes = new ParserProcesses(new ParserIsolation(1, 256,
                     ParserIsolation.LARGE_PART_BYTES, false), timeBox, r -> { })) {
            long start = System.nanoTime();
            CompletableFuture<TextExtractor.Result> parse = CompletableFuture.supplyAsync(() -> processes.extract(
                    photo, "image/jpeg", "IMG_0001.jpg", 100_000, Duration.ofSeconds(200),
                    new EmbeddedSpooler(null, ""), ocr));
            long deadline = start + TimeUnit.SECONDS.toNanos(60);
            while (seen.isEmpty() && System.nanoTime() < deadline && !parse.isDone()) {
                Thread.sleep(20);
            }
            long reading = System.nanoTime();
            assertThat(seen).as("Tesseract was started for the photo").isNotEmpty();
            TextExtractor.Result result = parse.get(200, TimeUnit.SECONDS);
            assertThat(result.timedOut()).as("the photo was read in its time").isFalse();
            long end = System.nanoTime();
            return new Timing(Duration.ofNanos(reading - start), Duration.ofNanos(end - reading));
        }
    }

    /** A phone photo large enough that Tesseract reads it for far longer than the part's time. */
    private Path largePhoto() throws Exception {
        return largePhoto(3000);
    }

    private Path largePhoto(int width) throws Exception {
        return Files.write(dir.resolve("IMG_0001.jpg"), CanvassSheets.photos(31, 1, width).get(0).jpeg());
    }

    private static void assertAllEnd(Set<ProcessHandle> seen) throws Exception {
        assertAllEnd(seen, Duration.ofSeconds(5));
    }

    private static void assertAllEnd(Set<ProcessHandle> seen, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (seen.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        List<Long> alive = seen.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList();
        alive.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        assertThat(alive).as("Tesseract processes still running after their parser process was killed").isEmpty();
    }

    /**
     * Notes every Tesseract reading an image started below this JVM by a process started since the watch began, until closed:
     * parser processes other test classes left reading a photo are not this test's.
     */
    private static final class Watch implements AutoCloseable {
        private final Thread thread;
        private volatile boolean done;

        Watch(Set<ProcessHandle> seen) {
            Set<Long> earlier = ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
            thread = new Thread(() -> {
                while (!done) {
                    ProcessHandle.current().descendants()
                            .filter(Watch::readsAnImage)
                            .filter(p -> p.parent().map(parent -> !earlier.contains(parent.pid())).orElse(false))
                            .forEach(seen::add);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "tesseract-watch");
            thread.setDaemon(true);
            thread.start();
        }

        /**
         * Tesseract reading an image, not the short version and language checks the OCR parser runs when it starts:
         * those end by themselves within moments, so watching them would say nothing about the reading one.
         */
        private static boolean readsAnImage(ProcessHandle process) {
            ProcessHandle.Info info = process.info();
            return info.command().map(c -> c.endsWith("/tesseract")).orElse(false)
                    && info.arguments().map(a -> Arrays.asList(a).contains("--psm")).orElse(false);
        }

        @Override
        public void close() throws InterruptedException {
            done = true;
            thread.join();
        }
    }
}
