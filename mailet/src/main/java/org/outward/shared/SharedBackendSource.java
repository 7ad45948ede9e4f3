package org.outward.shared;

import java.io.IOException;

/**
 * Where a process finds its {@link SharedBackend} when a setting says {@code shared}: in James the one the Guice module
 * named in {@code extensions.properties} opens (see {@code org.outward.james.ServerState}), in the portal, the console
 * and the command-line tools {@link SharedBackends#fromEnvironment()}.
 */
@FunctionalInterface
public interface SharedBackendSource {

    /** The shared back end, opened on first use; an {@link IOException} says why there is none. */
    SharedBackend sharedBackend() throws IOException;
}
