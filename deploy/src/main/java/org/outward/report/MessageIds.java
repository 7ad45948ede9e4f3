package org.outward.report;

/**
 * Message-IDs compared as one line (RFC 5322 unfolding): the trail keeps a folded Message-ID as the sender wrote it,
 * while WebAdmin, and so the console's actions, give it unfolded.
 */
final class MessageIds {

    private MessageIds() {
    }

    static String unfolded(String value) {
        return value.replace("\r\n", "").replace("\n", "").strip();
    }

    static boolean same(String one, String other) {
        return unfolded(one).equals(unfolded(other));
    }
}
