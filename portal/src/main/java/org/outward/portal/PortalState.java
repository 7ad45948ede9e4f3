package org.outward.portal;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * What a portal node remembers between requests: one-time codes and tries, sessions, and the key its CSRF
 * tokens are made with. In memory for one node ({@link #inMemory}); several nodes behind one address share
 * them (see {@code outward-backends}), so a browser may reach any node at any step.
 */
public interface PortalState {

    OneTimeCodes codes();

    Sessions sessions();

    /** The HMAC key of the CSRF tokens; every node behind one address must use the same. */
    byte[] csrfKey();

    /** Throws when the store behind codes and sessions cannot be reached now; nothing to reach in memory. */
    default void checkReachable() throws IOException {
    }

    /** The single-node state with a portal key of this process's own (nothing it protects outlives the process). */
    static PortalState inMemory(PortalConfig.Limits limits, Clock clock) {
        return inMemory(limits, clock, PortalKey.random());
    }

    /** The single-node state: all in this process's memory, codes kept as MACs under the key, a random CSRF key. */
    static PortalState inMemory(PortalConfig.Limits limits, Clock clock, PortalKey key) {
        byte[] csrf = new byte[32];
        new SecureRandom().nextBytes(csrf);
        return of(new MemoryOneTimeCodes(limits, clock, key), new MemorySessions(limits.sessionLifetime(), clock),
                csrf);
    }

    /** A state made of these parts, kept in this process. */
    static PortalState of(OneTimeCodes codes, Sessions sessions, byte[] csrfKey) {
        return of(codes, sessions, csrfKey, () -> { });
    }

    /** Something whose store can be asked whether it answers. */
    @FunctionalInterface
    interface Reachability {
        void check() throws IOException;
    }

    /** A state made of these parts, kept in a store {@code reachability} checks. */
    static PortalState of(OneTimeCodes codes, Sessions sessions, byte[] csrfKey, Reachability reachability) {
        byte[] key = csrfKey.clone();
        return new PortalState() {
            @Override
            public void checkReachable() throws IOException {
                reachability.check();
            }

            @Override
            public OneTimeCodes codes() {
                return codes;
            }

            @Override
            public Sessions sessions() {
                return sessions;
            }

            @Override
            public byte[] csrfKey() {
                return key.clone();
            }
        };
    }

    /** Opens a shared portal state; found with {@link java.util.ServiceLoader} ({@code outward-backends} has one). */
    interface Provider {
        /** The shared state; codes kept as MACs under the key, which every node must share. */
        PortalState open(PortalConfig.Limits limits, Clock clock, PortalKey key) throws IOException;
    }
}
