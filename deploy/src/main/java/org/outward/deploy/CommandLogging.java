package org.outward.deploy;

import java.util.ArrayList;
import java.util.List;

import org.outward.audit.AuditTrail;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.FilterReply;

/**
 * The log of the admin's tools ({@code scan}, {@code policy}, {@code vault}, ...): silent by default, so that
 * their output is verdicts and listings only; with {@code --verbose}, the gateway's and the libraries' log
 * lines as {@code run} configures them, but on standard error, where they never break a line of {@code --json}.
 * Parser processes started meanwhile print their own log only when the gateway's log is on
 * ({@code ParserProcesses} asks its logger). {@code run} never goes through here: the gateway logs as configured.
 *
 * <p>Closing restores the configuration found, so that commands run one after another in one JVM (the tests)
 * each get their own.
 */
final class CommandLogging implements AutoCloseable {

    private final LoggerContext context;
    private final TurboFilter silence;
    private final List<ConsoleAppender<?>> moved;

    private CommandLogging(LoggerContext context, TurboFilter silence, List<ConsoleAppender<?>> moved) {
        this.context = context;
        this.silence = silence;
        this.moved = moved;
    }

    /** Silences every logger, or with {@code verbose} moves the console log to standard error. */
    static CommandLogging forTool(boolean verbose) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return new CommandLogging(null, null, List.of()); // another SLF4J binding: its own configuration rules
        }
        if (!verbose) {
            TurboFilter silence = new Silence();
            silence.start();
            context.addTurboFilter(silence);
            return new CommandLogging(context, silence, List.of());
        }
        List<ConsoleAppender<?>> moved = new ArrayList<>();
        for (Logger logger : context.getLoggerList()) {
            for (var appenders = logger.iteratorForAppenders(); appenders.hasNext(); ) {
                Appender<?> appender = appenders.next();
                if (appender instanceof ConsoleAppender<?> console && "System.out".equals(console.getTarget())) {
                    retarget(console, "System.err");
                    moved.add(console);
                }
            }
        }
        return new CommandLogging(context, null, moved);
    }

    private static void retarget(ConsoleAppender<?> console, String target) {
        console.stop();
        console.setTarget(target);
        console.start();
    }

    @Override
    public void close() {
        if (silence != null) {
            context.getTurboFilterList().remove(silence);
        }
        moved.forEach(console -> retarget(console, "System.out"));
    }

    /**
     * Denies every log event, and makes every {@code isXEnabled()} answer no; but for the audit trail, whose lines a
     * tool writes only to the audit file (an admin's action is audited however quiet the tool).
     */
    private static final class Silence extends TurboFilter {
        @Override
        public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
                                  Throwable t) {
            return logger != null && AuditTrail.LOGGER.equals(logger.getName()) ? FilterReply.NEUTRAL : FilterReply.DENY;
        }
    }
}
