package org.outward.portal;

import java.time.Clock;

import org.outward.vault.ItemId;

/** The single-node portal state passes the {@link PortalStateContract}. */
class InMemoryPortalStateTest extends PortalStateContract {

    @Override
    protected PortalState open(PortalConfig.Limits limits, Clock clock) {
        return PortalState.inMemory(limits, clock, key);
    }

    @Override
    protected byte[] storedCode(PortalState state, ItemId id) {
        return ((MemoryOneTimeCodes) state.codes()).stored(id).codeMac();
    }
}
