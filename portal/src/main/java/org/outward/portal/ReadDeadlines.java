package org.outward.portal;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Deadlines for receiving a request, enforced by the portal itself: the request line and headers must arrive
 * within one, the body within another, or the connection is closed.
 * <p>
 * The JDK server reads the request line and headers on the executor's thread, blocking, before any handler
 * runs; a client sending a byte every few seconds holds that thread for as long as it likes. The server's own
 * {@code sun.net.httpserver.maxReqTime} would close such a connection, but it is a system property read once per
 * JVM when the first server is made, shared by every server in it (the portal inside the try-out gateway shares
 * James's JVM), and it cannot differ per portal. So each request task is watched here instead: a timer interrupts
 * a thread still reading past its deadline, and the interrupt closes the socket channel it is blocked on
 * ({@link java.nio.channels.ClosedByInterruptException}). Once the body is in, there is no deadline: writing a
 * large download to a slow recipient may take long.
 */
public final class ReadDeadlines implements AutoCloseable {

    /** The request the current thread serves, and how long it may still take to arrive. */
    private static final class Watch {
        private final Thread thread;
        private long deadline;
        private boolean armed = true;
        private boolean expired;
        private boolean finished;

        Watch(Thread thread, long deadline) {
            this.thread = thread;
            this.deadline = deadline;
        }

        synchronized void arm(long until) {
            deadline = until;
            armed = true;
        }

        /** Stops the clock; throws if it already ran out, since the socket is then closed. */
        synchronized void disarm() throws IOException {
            armed = false;
            if (expired) {
                throw new TooSlow();
            }
        }

        synchronized boolean expired() {
            return expired;
        }

        synchronized void expireIfDue(long now) {
            if (armed && !expired && !finished && now - deadline > 0) {
                expired = true;
                thread.interrupt();
            }
        }

        /** Under the same lock as the interrupt, so none can reach the thread's next task. */
        synchronized void finish() {
            finished = true;
            Thread.interrupted();
        }
    }

    /** The request did not arrive in time; its connection is closed. */
    public static final class TooSlow extends IOException {
        private static final long serialVersionUID = 1L;

        TooSlow() {
            super("request not received in time");
        }
    }

    private final long headerNanos;
    private final long bodyNanos;
    private final Set<Watch> watches = ConcurrentHashMap.newKeySet();
    private final ThreadLocal<Watch> current = new ThreadLocal<>();
    private final ScheduledExecutorService timer;

    public ReadDeadlines(Duration headers, Duration body) {
        this.headerNanos = headers.toNanos();
        this.bodyNanos = body.toNanos();
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "outward-portal-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        // A quarter of the shorter deadline: a slow request is cut off at most a quarter late.
        long every = Math.max(TimeUnit.MILLISECONDS.toNanos(50), Math.min(headerNanos, bodyNanos) / 4);
        timer.scheduleAtFixedRate(this::expireDue, every, every, TimeUnit.NANOSECONDS);
    }

    /** The executor to give the server: each task starts with the header deadline running. */
    public Executor watching(Executor threads) {
        return task -> threads.execute(() -> run(task));
    }

    private void run(Runnable task) {
        Watch watch = new Watch(Thread.currentThread(), System.nanoTime() + headerNanos);
        watches.add(watch);
        current.set(watch);
        try {
            task.run();
        } finally {
            watch.finish();
            watches.remove(watch);
            current.remove();
        }
    }

    /**
     * The request head has arrived (the handler runs): from now the body must arrive within its deadline. A
     * request refused before its body is read stays under it, since closing the exchange drains the body.
     */
    public void headersRead() throws IOException {
        Watch watch = current.get();
        if (watch != null) {
            watch.disarm();
            watch.arm(System.nanoTime() + bodyNanos);
        }
    }

    /** The body is in: no deadline for the rest of this request. */
    public void bodyRead() throws IOException {
        Watch watch = current.get();
        if (watch != null) {
            watch.disarm();
        }
    }

    /** Whether this thread's request ran out of time (its connection is closed; there is no one to answer). */
    public boolean expired() {
        Watch watch = current.get();
        return watch != null && watch.expired();
    }

    private void expireDue() {
        long now = System.nanoTime();
        for (Watch watch : watches) {
            watch.expireIfDue(now);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
