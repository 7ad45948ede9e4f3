package org.outward.backends.portal;

import java.io.IOException;
import java.time.Clock;

import org.outward.backends.PostgresS3Backend;
import org.outward.portal.PortalConfig;
import org.outward.portal.PortalKey;
import org.outward.portal.PortalState;
import org.outward.shared.SharedBackend;
import org.outward.shared.SharedBackends;

/**
 * What {@link java.util.ServiceLoader} finds when the portal is started with the shared vault: codes, tries,
 * sessions and the CSRF key in the same database, through the process's one {@link SharedBackends} pool.
 */
public final class SharedPortalStateProvider implements PortalState.Provider {

    @Override
    public PortalState open(PortalConfig.Limits limits, Clock clock, PortalKey key) throws IOException {
        return openOn(SharedBackends.get(), limits, clock, key);
    }

    /** The portal state in this back end's database: a portal in James's process uses the back end James opened. */
    public static PortalState openOn(SharedBackend shared, PortalConfig.Limits limits, Clock clock, PortalKey key)
            throws IOException {
        if (!(shared instanceof PostgresS3Backend backend)) {
            throw new IOException("the shared backends in use are not PostgreSQL and S3");
        }
        return SqlPortalState.open(backend.database(), limits, clock, key);
    }
}
