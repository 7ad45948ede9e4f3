package org.outward.inspect;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the work on one part (Tika, the protection assessor, an archive library) on a small pool of worker
 * threads and gives up waiting after the per-part time.
 *
 * <p>On a timeout the task is cancelled, which interrupts its thread. Most parsers never look at the interrupt
 * flag, so the caller also gives each task a way to stop itself (see {@link TextExtractor}, whose content handler
 * throws once cancelled). A parser stuck in a loop that neither checks the flag nor emits SAX events keeps its
 * worker thread busy until it finishes on its own: the inspection moves on without it, the part is reported as
 * {@link FindingKind#TIME_LIMIT}, and the thread is lost to the pool meanwhile. Because the pool is bounded, a
 * flood of such parts cannot create threads without end; later tasks then queue and time out in turn. Only a
 * separate process can truly kill such a parser: document parsing therefore runs in {@link ParserProcesses},
 * whose process is killed at the time limit; what stays here (type detection, protection checks, archive
 * listing) reads headers and directories, not whole documents.
 */
final class TimeBox implements AutoCloseable {

    private final ThreadPoolExecutor pool;

    TimeBox(int threads) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "outward-inspect-" + count.incrementAndGet());
            // Daemon: a runaway parser must never keep the gateway's JVM from shutting down.
            t.setDaemon(true);
            return t;
        };
        pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), factory);
        pool.allowCoreThreadTimeOut(true);
    }

    /** The task's result, or a {@link Outcome} saying it timed out or failed; never throws for the task's sake. */
    <T> Outcome<T> run(Callable<T> task, Duration limit, Runnable onTimeout) {
        Future<T> future = pool.submit(task);
        try {
            return Outcome.done(future.get(limit.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            onTimeout.run();
            future.cancel(true);
            return Outcome.expired();
        } catch (ExecutionException e) {
            return Outcome.failed(e.getCause());
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return Outcome.expired();
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    /** How a boxed task ended. */
    record Outcome<T>(T value, boolean timedOut, Throwable failure) {
        static <T> Outcome<T> done(T value) {
            return new Outcome<>(value, false, null);
        }

        static <T> Outcome<T> expired() {
            return new Outcome<>(null, true, null);
        }

        static <T> Outcome<T> failed(Throwable failure) {
            return new Outcome<>(null, false, failure);
        }

        boolean ok() {
            return !timedOut && failure == null;
        }
    }
}
