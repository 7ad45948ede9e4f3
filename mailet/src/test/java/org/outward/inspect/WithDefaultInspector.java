package org.outward.inspect;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.outward.protect.Protection;

/** Tests that inspect messages with the default limits and no protection checks share one inspector. */
abstract class WithDefaultInspector {

    static MessageInspector inspector;

    @BeforeAll
    static void start() {
        inspector = new MessageInspector(InspectionLimits.defaults(), (f, t, n) -> Protection.none());
    }

    @AfterAll
    static void stop() {
        inspector.close();
    }
}
