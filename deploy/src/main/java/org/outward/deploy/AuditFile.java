package org.outward.deploy;

import java.nio.file.Path;

import org.outward.audit.AuditTrail;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.TimeBasedRollingPolicy;

/**
 * The embedded gateway's audit file: the audit logger's lines, bare, in {@code logs/outward-audit.jsonl} under the
 * working folder, rolled over at midnight UTC into {@code outward-audit.YYYY-MM-DD.jsonl.gz} and kept for
 * {@value #ENVIRONMENT} days (default {@value #DEFAULT_DAYS}), as the Docker flavours' {@code logback.xml} does in
 * {@code /logs}. It is made in code because its folder is the {@code --work} option's, known only once the
 * command line is read, after logback has configured itself.
 */
final class AuditFile implements AutoCloseable {

    static final String FILE_NAME = "outward-audit.jsonl";
    static final String ENVIRONMENT = "OUTWARD_AUDIT_DAYS";
    static final String PROPERTY = "outward.audit.days";
    static final int DEFAULT_DAYS = 400;

    private final Logger logger;
    private final RollingFileAppender<ILoggingEvent> appender;

    private AuditFile(Logger logger, RollingFileAppender<ILoggingEvent> appender) {
        this.logger = logger;
        this.appender = appender;
    }

    /** The audit file of a working folder. */
    static Path in(Path workFolder) {
        return workFolder.resolve("logs").resolve(FILE_NAME);
    }

    /** Starts writing the audit logger's lines to the working folder's file; nothing when logback is not in use. */
    static AuditFile open(Path workFolder) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return new AuditFile(null, null);
        }
        Path file = in(workFolder);
        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName("AUDIT-" + workFolder);
        appender.setFile(file.toString());
        TimeBasedRollingPolicy<ILoggingEvent> rolling = new TimeBasedRollingPolicy<>();
        rolling.setContext(context);
        rolling.setParent(appender);
        rolling.setFileNamePattern(file.getParent().resolve("outward-audit.%d{yyyy-MM-dd,UTC}.jsonl.gz").toString());
        rolling.setMaxHistory(days());
        rolling.start();
        appender.setRollingPolicy(rolling);
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%msg%n");
        encoder.start();
        appender.setEncoder(encoder);
        appender.start();
        Logger logger = context.getLogger(AuditTrail.LOGGER);
        logger.setLevel(Level.INFO);
        logger.addAppender(appender);
        return new AuditFile(logger, appender);
    }

    /** How many days of rolled-over files are kept: {@value #PROPERTY}, else {@value #ENVIRONMENT}, else the default. */
    static int days() {
        String configured = System.getProperty(PROPERTY, System.getenv(ENVIRONMENT));
        if (configured == null || configured.isBlank()) {
            return DEFAULT_DAYS;
        }
        try {
            int days = Integer.parseInt(configured.strip());
            if (days >= 1) {
                return days;
            }
        } catch (NumberFormatException e) {
            // reported below, as for a number out of range
        }
        throw new IllegalArgumentException(ENVIRONMENT + " must be a whole number of days, at least 1");
    }

    @Override
    public void close() {
        if (appender != null) {
            logger.detachAppender(appender);
            appender.stop();
        }
    }
}
