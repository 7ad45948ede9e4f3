package org.outward.deploy;

import javax.inject.Inject;

import org.apache.james.utils.ClassName;
import org.apache.james.utils.GuiceGenericLoader;
import org.apache.james.utils.GuiceProbe;
import org.outward.james.ServerState;

/**
 * Reaches, from the embedded gateway, the {@link ServerState} James gave its mailets: it lives in the injector James
 * makes for extensions (with the modules {@code extensions.properties} names), which the server's own probes do not
 * see, so it is asked for the way James asks for a mailet.
 */
public final class OutwardProbe implements GuiceProbe {

    private final GuiceGenericLoader loader;

    @Inject
    public OutwardProbe(GuiceGenericLoader loader) {
        this.loader = loader;
    }

    /** The mailets' server state: the same instance the mailets hold. */
    public ServerState serverState() {
        try {
            return loader.instantiate(new ClassName(ServerState.class.getName()));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the Outward mailet jar is not on the gateway's class path", e);
        }
    }
}
