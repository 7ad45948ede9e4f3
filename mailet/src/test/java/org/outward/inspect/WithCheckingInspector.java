package org.outward.inspect;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.outward.protect.ProtectionChecks;

/** Tests that inspect messages with the default limits and the shipped protection checks share one inspector. */
abstract class WithCheckingInspector {

    static MessageInspector inspector;

    @BeforeAll
    static void start() {
        inspector = new MessageInspector(InspectionLimits.defaults(), ProtectionChecks.defaults());
    }

    @AfterAll
    static void stop() {
        inspector.close();
    }
}
