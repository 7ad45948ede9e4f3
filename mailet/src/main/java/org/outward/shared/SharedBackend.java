package org.outward.shared;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import org.outward.detect.secret.correlate.EncryptedSendLog;
import org.outward.feedback.ReportStore;
import org.outward.installation.InstallationKey;
import org.outward.vault.Vault;

/**
 * The state several nodes share, opened once per process (it holds a connection pool) and used by every mailet
 * and the portal in it. Thread-safe.
 */
public interface SharedBackend extends AutoCloseable {

    /** The shared vault. */
    Vault vault(Clock clock) throws IOException;

    /**
     * The shared password-correlation state. Every node must hash addresses with the same installation key, or
     * one node's sends are invisible to another.
     */
    EncryptedSendLog encryptedSendLog(InstallationKey key, Duration window, Clock clock) throws IOException;

    /** The shared store of false-positive report tickets. */
    default ReportStore reports() throws IOException {
        throw new IOException("these shared backends keep no report tickets");
    }

    /** A short description for logs: where the backends are, never a credential. */
    String describe();

    @Override
    void close();
}
