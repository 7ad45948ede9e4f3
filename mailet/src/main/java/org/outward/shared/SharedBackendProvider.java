package org.outward.shared;

import java.io.IOException;
import java.util.Map;

/**
 * Opens the shared backends from settings (the process environment in production). Implementations are found
 * with {@link java.util.ServiceLoader}; {@code outward-backends} has one.
 */
public interface SharedBackendProvider {

    /** Connects to the backends the settings name, creating or migrating their schema. */
    SharedBackend open(Map<String, String> settings) throws IOException;
}
