package org.outward.backends;

import java.io.IOException;
import java.util.Map;

import org.outward.shared.SharedBackend;
import org.outward.shared.SharedBackendProvider;

/** What {@link java.util.ServiceLoader} finds when a mailet or the portal asks for the shared backends. */
public final class PostgresS3Provider implements SharedBackendProvider {

    @Override
    public SharedBackend open(Map<String, String> settings) throws IOException {
        try {
            return PostgresS3Backend.open(BackendSettings.from(settings));
        } catch (IllegalArgumentException e) {
            throw new IOException("shared backends: " + e.getMessage());
        }
    }
}
