package org.outward.inspect;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.outward.protect.Protection;

/**
 * Tests of how one attached file is walked, typed and read, through the real inspector with every file judged
 * unprotected (the protection checks have tests of their own).
 */
abstract class AttachmentInspection {

    static MessageInspector inspector;

    @BeforeAll
    static void start() {
        inspector = new MessageInspector(InspectionLimits.defaults(), (file, type, name) -> Protection.none());
    }

    @AfterAll
    static void stop() {
        inspector.close();
    }

    /** A message with a short note and the file attached under this name and declared type. */
    static Inspection attach(String name, String type, byte[] content) {
        return inspector.inspect(Mail.stream(Mail.message("a1", Mail.text("Attached."),
                Mail.attachment(type + "; name=\"" + name + "\"", "; filename=\"" + name + "\"", content))));
    }
}
