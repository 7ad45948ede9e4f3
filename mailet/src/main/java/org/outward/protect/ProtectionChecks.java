package org.outward.protect;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The registry of {@link ProtectionCheck}s and the {@link ProtectionAssessor} the inspection walk calls.
 *
 * <p>It picks the first check that accepts the file (by detected type, or by magic when the type is generic),
 * runs it within a time limit, and turns any exception or overrun into {@link ProtectionLevel#UNKNOWN} with a
 * short reason naming only the format and the exception's class, so no file content leaks into findings.
 * Files no check accepts are plain ({@link ProtectionLevel#NONE}), except generic binary data, which nothing
 * here can judge ({@link ProtectionLevel#UNKNOWN}).
 */
public final class ProtectionChecks implements ProtectionAssessor {

    /** Long enough for any honest file (the checks read headers, never decrypt or decompress content). */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(10);

    // Shared daemon threads: a check that overruns is abandoned (interrupted) and must not keep the JVM alive.
    private static final ExecutorService RUNNER = Executors.newCachedThreadPool(new DaemonThreads());

    private final List<ProtectionCheck> checks;
    private final Duration timeLimit;

    public ProtectionChecks(List<ProtectionCheck> checks, Duration timeLimit) {
        this.checks = List.copyOf(checks);
        this.timeLimit = Objects.requireNonNull(timeLimit, "timeLimit");
    }

    /** Every check this project has, in the order that resolves overlaps (ODF before plain zip). */
    public static ProtectionChecks defaults() {
        return defaults(DEFAULT_TIME_LIMIT);
    }

    public static ProtectionChecks defaults(Duration timeLimit) {
        return new ProtectionChecks(List.of(
                new Ole2Check(),
                new OdfCheck(),
                new IWorkCheck(),
                new ZipCheck(),
                new SevenZipCheck(),
                new RarCheck(),
                new PdfCheck(),
                new OpenPgpCheck(),
                new CmsCheck()), timeLimit);
    }

    public List<ProtectionCheck> checks() {
        return checks;
    }

    @Override
    public Protection assess(Path file, String mediaType, String fileName) {
        String type = ProtectionCheck.normalise(mediaType);
        FileHead head;
        try {
            head = FileHead.read(file);
        } catch (Exception | StackOverflowError e) {
            return Protection.unknown("unreadable file (" + e.getClass().getSimpleName() + ")");
        }
        Optional<ProtectionCheck> check = checkFor(type, head);
        return check.isPresent() ? run(check.get(), file, head) : withoutCheck(type, head);
    }

    /** No check reads more than the head to decide whether it accepts a file: only then is the file needed. */
    @Override
    public Optional<Protection> assessHead(FileHead head, String mediaType, String fileName) {
        String type = ProtectionCheck.normalise(mediaType);
        return checkFor(type, head).isPresent() ? Optional.empty() : Optional.of(withoutCheck(type, head));
    }

    private Optional<ProtectionCheck> checkFor(String type, FileHead head) {
        if (head.size() == 0) {
            return Optional.empty();
        }
        for (ProtectionCheck check : checks) {
            if (check.accepts(type, head)) {
                return Optional.of(check);
            }
        }
        return Optional.empty();
    }

    /** The verdict on a file no check accepts. */
    private static Protection withoutCheck(String type, FileHead head) {
        if (head.size() == 0) {
            return Protection.of(ProtectionLevel.NONE, "none", "empty file");
        }
        if (ProtectionCheck.isGeneric(type)) {
            return Protection.unknown("unrecognised binary data");
        }
        return Protection.none();
    }

    private Protection run(ProtectionCheck check, Path file, FileHead head) {
        Future<Protection> result = RUNNER.submit(() -> check.check(file, head));
        try {
            Protection protection = result.get(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
            return protection != null ? protection : Protection.unknown(check.format() + " check gave no verdict");
        } catch (TimeoutException e) {
            result.cancel(true);
            return Protection.unknown("time limit reached reading " + check.format());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return Protection.unknown("malformed " + check.format() + " (" + cause.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            return Protection.unknown("interrupted reading " + check.format());
        }
    }

    private static final class DaemonThreads implements java.util.concurrent.ThreadFactory {
        private final AtomicInteger number = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "outward-protection-check-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
