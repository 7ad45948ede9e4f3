package org.outward.vault;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises read-modify-write of item metadata, both among threads and among processes: the mail server
 * writes items, the portal counts downloads, and an admin's command revokes and purges, all in the same folder.
 * A thread lock first (the JVM refuses overlapping file locks of its own), then an exclusive lock on a file.
 */
public final class MutationLock {

    /** Work done while holding the lock. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws IOException;
    }

    /**
     * One thread lock per lock file for the whole JVM: the file lock belongs to the JVM, so two vault objects on
     * one folder (the wrap mailet's and the try-out portal's, both in the gateway's JVM) must also share this.
     */
    private static final ConcurrentHashMap<Path, ReentrantLock> THREAD_LOCKS = new ConcurrentHashMap<>();

    private final ReentrantLock threads;
    private final Path lockFile;

    public MutationLock(Path lockFile) throws IOException {
        this.lockFile = lockFile.toRealPath();
        this.threads = THREAD_LOCKS.computeIfAbsent(this.lockFile, path -> new ReentrantLock());
    }

    public <T> T holding(Work<T> work) throws IOException {
        threads.lock();
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            return work.run();
        } finally {
            threads.unlock();
        }
    }
}
