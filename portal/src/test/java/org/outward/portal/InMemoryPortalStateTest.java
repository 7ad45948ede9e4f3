package org.outward.portal;

import java.time.Clock;

/** The single-node portal state passes the {@link PortalStateContract}. */
class InMemoryPortalStateTest extends PortalStateContract {

    @Override
    protected PortalState open(PortalConfig.Limits limits, Clock clock) {
        return PortalState.inMemory(limits, clock);
    }
}
