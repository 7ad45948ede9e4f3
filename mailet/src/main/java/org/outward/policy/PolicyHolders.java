package org.outward.policy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * One {@link PolicyHolder} per policy file for all the mailets of a server, so that an edit is seen by all of them at
 * once and a broken edit leaves all of them with the same last good policy. Each version loaded or turned away is
 * told once to the {@link PolicyChanges} given here, however many mailets read the file.
 *
 * <p>Files are told apart by their absolute, normalised path. Thread-safe.
 */
public final class PolicyHolders {

    /** How often a file is looked at unless a mailet asks for more often. */
    public static final Duration DEFAULT_CHECK_EVERY = Duration.ofSeconds(2);

    private final Clock clock;
    private final PolicyChanges changes;
    private final Map<Path, PolicyHolder> held = new HashMap<>();

    public PolicyHolders(Clock clock, PolicyChanges changes) {
        this.clock = clock;
        this.changes = changes;
    }

    /**
     * The holder of this file, loading it the first time it is asked for; when another mailet loaded it earlier, the
     * file is looked at again now, so that a mailet started after an edit begins with it.
     *
     * @throws InvalidPolicyException when the file is loaded for the first time and cannot be used
     */
    public PolicyHolder holder(Path file) throws InvalidPolicyException {
        return holder(file, DEFAULT_CHECK_EVERY);
    }

    /** As {@link #holder(Path)}, looking at the file at least every {@code checkEvery} from now on. */
    public PolicyHolder holder(Path file, Duration checkEvery) throws InvalidPolicyException {
        Path key = file.toAbsolutePath().normalize();
        PolicyHolder holder;
        synchronized (held) {
            holder = held.get(key);
            if (holder == null) {
                holder = PolicyHolder.load(file, checkEvery, clock, changes);
                held.put(key, holder);
                return holder;
            }
        }
        holder.checkAtLeastEvery(checkEvery);
        holder.refreshed();
        return holder;
    }
}
