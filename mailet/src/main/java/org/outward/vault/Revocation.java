package org.outward.vault;

import java.io.IOException;

/**
 * Asked by a download in progress whether its item has been revoked since the download began, so that revoking
 * ends the downloads already streaming, on any node, and not only the ones that start afterwards.
 */
@FunctionalInterface
public interface Revocation {

    /** Whether the item has been revoked (or is gone) by now. */
    boolean revoked() throws IOException;
}
