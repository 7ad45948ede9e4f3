package org.outward.shared;

import java.io.IOException;
import java.util.Iterator;
import java.util.ServiceLoader;

/**
 * The process's one {@link SharedBackend} for the processes that are not James (the portal, the console, the
 * command-line tools), opened from the environment on first use and kept until the process ends. Mailets never use
 * it: James gives them the back end of the Guice module named in its {@code extensions.properties}.
 */
public final class SharedBackends {

    private static SharedBackend opened;

    private SharedBackends() {
    }

    /** {@link #get()} as a source, for the settings that take one. */
    public static SharedBackendSource fromEnvironment() {
        return SharedBackends::get;
    }

    /** The shared backends, opened on the first call. */
    public static synchronized SharedBackend get() throws IOException {
        if (opened == null) {
            opened = provider().open(System.getenv());
        }
        return opened;
    }

    private static SharedBackendProvider provider() throws IOException {
        // The plugin's class loader: in James that is the one that also sees the other jars in extensions-jars.
        Iterator<SharedBackendProvider> found = ServiceLoader.load(SharedBackendProvider.class,
                SharedBackends.class.getClassLoader()).iterator();
        if (!found.hasNext()) {
            throw new IOException("shared backends were asked for, but outward-backends is not on the class path"
                    + " (in James: copy backends/target/extensions-jars/* into extensions-jars)");
        }
        return found.next();
    }
}
