package org.outward.detect.secret.correlate;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.outward.installation.InstallationKey;

/**
 * Opens the correlation state for a window; the engine opens it again when a reloaded policy changes the window.
 * One node keeps it in its state folder; several nodes share one (see {@code org.outward.shared}).
 */
@FunctionalInterface
public interface EncryptedSendLogs {

    EncryptedSendLog open(InstallationKey key, Duration window, Clock clock) throws IOException;

    /** The single-node default: a file in the state folder. */
    static EncryptedSendLogs inFolder(Path stateFolder) {
        return (key, window, clock) -> new FileEncryptedSendLog(stateFolder.resolve("encrypted-sends.log"), key,
                window, clock);
    }
}
