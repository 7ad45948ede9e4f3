package org.outward.james;

import java.io.IOException;
import java.time.Clock;

import javax.inject.Inject;
import javax.inject.Singleton;

import org.outward.audit.AuditEvent;
import org.outward.audit.AuditTrail;
import org.outward.policy.PolicyHolders;
import org.outward.shared.SharedBackendSource;

/**
 * What the Outward mailets of one James server share: one holder per policy file ({@link PolicyHolders}), so an
 * edit reaches them all at once, and the shared back end a mailet set to {@code shared} uses.
 *
 * <p>James makes its mailets with Guice, one injector per server, and gives each mailet this one instance. Which
 * shared back end it holds is chosen by naming a Guice module in James's {@code extensions.properties}, as James's
 * rate limiter chooses between its memory and Redis modules:
 * <pre>
 * guice.extension.module=org.outward.backends.PostgresS3Module
 * </pre>
 * binds it with PostgreSQL and S3 ({@code outward-backends}, settings in {@code outward-backends.properties}). With no
 * such module James makes it from its constructor, with no shared back end: every setting must then be local.
 *
 * <p>A mailet made without injection (a mailet test harness, a container that does not use Guice) takes
 * {@link #unmanaged()}, one per class loader, which holds no shared back end either.
 */
@Singleton
public class ServerState {

    private static final ServerState UNMANAGED = new ServerState();

    private final PolicyHolders policies;
    private final SharedBackendSource sharedBackend;

    /** A server given no shared back end. */
    @Inject
    public ServerState() {
        this(() -> {
            throw new IOException("this James server was given no shared back end: name one in James's"
                    + " extensions.properties (guice.extension.module=org.outward.backends.PostgresS3Module, with"
                    + " outward-backends.properties beside it; see backends/README.md), or use local settings");
        });
    }

    /** A server whose mailets set to {@code shared} use this back end. */
    public ServerState(SharedBackendSource sharedBackend) {
        this.sharedBackend = sharedBackend;
        // Told once per version however many mailets read the file.
        this.policies = new PolicyHolders(Clock.systemUTC(), (path, sha256, outcome, rules) ->
                AuditTrail.toLog().policyChange(AuditEvent.GATEWAY, path.toString(), sha256, outcome, rules));
    }

    /** For mailets made without injection: one per class loader, with no shared back end. */
    public static ServerState unmanaged() {
        return UNMANAGED;
    }

    public PolicyHolders policies() {
        return policies;
    }

    public SharedBackendSource sharedBackend() {
        return sharedBackend;
    }

    /** Closes the shared back end if one was opened: for a process that stops James and goes on. */
    public void close() throws Exception {
        if (sharedBackend instanceof AutoCloseable opened) {
            opened.close();
        }
    }
}
