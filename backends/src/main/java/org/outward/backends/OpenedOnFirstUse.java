package org.outward.backends;

import java.io.IOException;

import org.outward.shared.SharedBackend;
import org.outward.shared.SharedBackendSource;

/**
 * A shared back end opened by the first mailet that asks for it and kept for the others; a failed opening is tried
 * again by the next one, so that a database that was not up yet at the first try is used once it is.
 */
final class OpenedOnFirstUse implements SharedBackendSource, AutoCloseable {

    /** Opens the back end. */
    @FunctionalInterface
    interface Opener {
        SharedBackend open() throws IOException;
    }

    private final Opener opener;
    private SharedBackend opened;

    OpenedOnFirstUse(Opener opener) {
        this.opener = opener;
    }

    @Override
    public synchronized SharedBackend sharedBackend() throws IOException {
        if (opened == null) {
            opened = opener.open();
        }
        return opened;
    }

    @Override
    public synchronized void close() {
        if (opened != null) {
            opened.close();
            opened = null;
        }
    }
}
