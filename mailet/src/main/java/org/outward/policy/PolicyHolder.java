package org.outward.policy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the policy in force and switches to a changed policy file without a restart. A file that fails to
 * load leaves the last good policy in force, and the failure is logged loudly with every problem.
 *
 * <p>The file is looked at on use, at most once per {@code checkEvery}: no watcher thread to manage inside
 * James, and a changed file takes effect for the next message after that interval. The file's modification
 * time and size are compared, so an editor that saves in place or by rename is both noticed.
 */
public final class PolicyHolder {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyHolder.class);

    private final Path file;
    private final AtomicReference<Duration> checkEvery;
    private final Clock clock;
    private final PolicyChanges changes;
    private final AtomicReference<State> state;

    private record State(Policy policy, FileTime modified, long size, Instant nextCheck) {
    }

    private PolicyHolder(Path file, Duration checkEvery, Clock clock, PolicyChanges changes, Policy first,
                         FileTime modified, long size) {
        this.file = file;
        this.checkEvery = new AtomicReference<>(checkEvery);
        this.clock = clock;
        this.changes = changes;
        this.state = new AtomicReference<>(new State(first, modified, size, clock.instant().plus(checkEvery)));
    }

    /**
     * Loads the policy for the first time. At start-up there is no last good policy to fall back on, so a
     * broken file is an error the caller must report.
     */
    public static PolicyHolder load(Path file, Duration checkEvery, Clock clock) throws InvalidPolicyException {
        return load(file, checkEvery, clock, PolicyChanges.NONE);
    }

    /** Loads the policy for the first time, and tells {@code changes} of it and of every later version. */
    public static PolicyHolder load(Path file, Duration checkEvery, Clock clock, PolicyChanges changes)
            throws InvalidPolicyException {
        Objects.requireNonNull(file, "file");
        FileTime modified = modified(file);
        long size = size(file);
        byte[] bytes = PolicyLoader.read(file);
        Policy policy = PolicyLoader.parse(bytes, file.toString());
        LOG.info("Policy {} loaded: {} rules", file, policy.rules().size());
        changes.changed(file, sha256(bytes), "loaded", policy.rules().size());
        return new PolicyHolder(file, checkEvery, clock, changes, policy, modified, size);
    }

    /** The policy in force, reloading it first if the file changed since it was last looked at. */
    public Policy current() {
        State now = state.get();
        Instant instant = clock.instant();
        if (instant.isBefore(now.nextCheck())) {
            return now.policy();
        }
        return check(now, instant);
    }

    /**
     * The policy in force after looking at the file now, whenever it was last looked at: for uses rare enough to look
     * each time (a retention sweep, a deletion), and for a mailet that starts using a holder others made earlier.
     */
    public Policy refreshed() {
        return check(state.get(), clock.instant());
    }

    /** Looks at the file at least this often from now on: a holder shared by mailets follows the most eager one. */
    public void checkAtLeastEvery(Duration interval) {
        checkEvery.accumulateAndGet(interval, (held, asked) -> asked.compareTo(held) < 0 ? asked : held);
        Instant soonest = clock.instant().plus(interval);
        state.updateAndGet(now -> now.nextCheck().isAfter(soonest)
                ? new State(now.policy(), now.modified(), now.size(), soonest) : now);
    }

    private Policy check(State now, Instant instant) {
        Duration checkEvery = this.checkEvery.get();
        // One caller does the check; the others go on with the policy in force meanwhile.
        State checking = new State(now.policy(), now.modified(), now.size(), instant.plus(checkEvery));
        if (!state.compareAndSet(now, checking)) {
            return state.get().policy();
        }
        FileTime modified = modified(file);
        long size = size(file);
        if (Objects.equals(modified, now.modified()) && size == now.size()) {
            return now.policy();
        }
        byte[] bytes = null;
        try {
            bytes = PolicyLoader.read(file);
            Policy reloaded = PolicyLoader.parse(bytes, file.toString());
            state.set(new State(reloaded, modified, size, instant.plus(checkEvery)));
            LOG.info("Policy {} changed on disk and is now in force: {} rules", file, reloaded.rules().size());
            changes.changed(file, sha256(bytes), "reloaded", reloaded.rules().size());
            return reloaded;
        } catch (InvalidPolicyException e) {
            // Remember the broken file's stamp so it is reported once, not on every message.
            state.set(new State(now.policy(), modified, size, instant.plus(checkEvery)));
            LOG.error("POLICY NOT RELOADED: {} changed but cannot be used; the last good policy stays in force "
                    + "until the file is fixed. Problems:\n{}", file, e.getMessage());
            changes.changed(file, bytes == null ? "" : sha256(bytes), "rejected", now.policy().rules().size());
            return now.policy();
        }
    }

    public Path file() {
        return file;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return null;
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }
}
