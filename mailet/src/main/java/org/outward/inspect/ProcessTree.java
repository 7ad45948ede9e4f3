package org.outward.inspect;

import java.util.List;

/**
 * Ends a process and every process below it. A parser process starts programs of its own (Tesseract for OCR,
 * the HEIF decoder), which a kill of the parser process alone would leave running, orphaned, until they finish
 * by themselves: a stream of slow photos would pile them up. They are found before the parser process is
 * killed, since once it is gone they are no longer its descendants.
 */
final class ProcessTree {

    private ProcessTree() {
    }

    /** Kills {@code root} and its descendants, without waiting for them to end. */
    static void kill(ProcessHandle root) {
        List<ProcessHandle> below = root.descendants().toList();
        // The parent first: killed children could otherwise be replaced by new ones before it is.
        root.destroyForcibly();
        below.forEach(ProcessHandle::destroyForcibly);
    }

    /** Kills every process below this one, as this one leaves. */
    static void killBelowCurrent() {
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
    }
}
