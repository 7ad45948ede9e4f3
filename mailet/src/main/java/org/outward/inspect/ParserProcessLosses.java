package org.outward.inspect;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How many parser processes this JVM has lost since it started: killed because a part took too long, ended by
 * themselves (out of memory, a crash), or unable to start. Each loss leaves its part unreadable (which the policy
 * holds) and a fresh process takes the next part, so mail keeps flowing; a count that keeps rising says that
 * something is wrong with the parsers or the machine. The processes belong to the JVM, whichever inspector started
 * them (a policy reload makes a new one), so the count does too. James publishes it as the gauge
 * {@code outward_parser_processes_lost}.
 */
public final class ParserProcessLosses {

    private static final AtomicLong LOST = new AtomicLong();

    private ParserProcessLosses() {
    }

    /** Losses since the JVM started. */
    public static long count() {
        return LOST.get();
    }

    static void lost() {
        LOST.incrementAndGet();
    }
}
