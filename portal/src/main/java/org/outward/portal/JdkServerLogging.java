package org.outward.portal;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the JDK server's own logger below the level where it writes request lines. At DEBUG
 * ({@code FINE}) {@code com.sun.net.httpserver} logs every request line, and the portal's request lines hold the
 * link's token (its id and the secret the content's key comes from); the path is the link format the gateway's
 * mail already carries, so it cannot move. The logger is held here, since {@code java.util.logging} forgets
 * loggers nobody references, and with them their level and filter.
 * <p>
 * This works when the JDK's {@link System.Logger}s go to {@code java.util.logging}, the default, also when a
 * {@code java.util.logging} handler passes records on to another logging system, since the filter acts first. A
 * process that installs another {@link System.LoggerFinder} must keep that logger at INFO itself.
 */
public final class JdkServerLogging {

    private static final Logger JDK_SERVER = Logger.getLogger("com.sun.net.httpserver");

    private JdkServerLogging() {
    }

    /**
     * Caps the JDK server's logger at INFO in this JVM: its level, and a filter that drops anything finer even if
     * the level is lowered later (a logging configuration read afterwards, an operator debugging).
     */
    public static void keepRequestLinesOut() {
        Level level = JDK_SERVER.getLevel();
        if (level == null || level.intValue() < Level.INFO.intValue()) {
            JDK_SERVER.setLevel(Level.INFO);
        }
        JDK_SERVER.setFilter(record -> record.getLevel().intValue() >= Level.INFO.intValue());
    }
}
