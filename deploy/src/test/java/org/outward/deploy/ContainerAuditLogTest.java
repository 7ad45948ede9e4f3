package org.outward.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outward.audit.AuditEvent;
import org.outward.audit.AuditLine;
import org.outward.audit.AuditTrail;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.TimeBasedRollingPolicy;

/**
 * The containers' logback.xml, run by logback itself with {@code /logs} moved to a temporary folder: the audit
 * logger's lines land bare in their own file, and the days kept follow {@code OUTWARD_AUDIT_DAYS}.
 */
class ContainerAuditLogTest {

    private static final Path LOGBACK = Path.of("..").toAbsolutePath().normalize()
            .resolve("deploy/docker/conf/common/logback.xml");

    @TempDir
    Path logs;

    @Test
    void auditLinesGoBareToTheirOwnFileKeptFourHundredDaysByDefault() throws Exception {
        LoggerContext context = configured(null);
        try {
            Logger audit = context.getLogger(AuditTrail.LOGGER);
            AuditEvent event = new AuditTrail(Clock.fixed(Instant.parse("2026-12-07T15:04:05.678Z"), ZoneOffset.UTC),
                    "outward-1", audit::info).purge("dpo", 2);
            context.getLogger("org.outward.james.Inspect").warn("not an audit line");

            assertThat(Files.readAllLines(logs.resolve("outward-audit.jsonl"))).containsExactly(AuditLine.format(event));
            assertThat(rolling(audit).getMaxHistory()).isEqualTo(400);
            assertThat(rolling(audit).getFileNamePattern()).endsWith("outward-audit.%d{yyyy-MM-dd,UTC}.jsonl.gz");
        } finally {
            context.stop();
        }
    }

    @Test
    void theDaysKeptAreConfigurable() throws Exception {
        LoggerContext context = configured("30");
        try {
            assertThat(rolling(context.getLogger(AuditTrail.LOGGER)).getMaxHistory()).isEqualTo(30);
        } finally {
            context.stop();
        }
    }

    private LoggerContext configured(String days) throws Exception {
        LoggerContext context = new LoggerContext();
        if (days != null) {
            context.putProperty("OUTWARD_AUDIT_DAYS", days);
        }
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        String xml = Files.readString(LOGBACK).replace("/logs/", logs.toString() + "/");
        configurator.doConfigure(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        return context;
    }

    private static TimeBasedRollingPolicy<?> rolling(Logger audit) {
        RollingFileAppender<?> appender = (RollingFileAppender<?>) audit.getAppender("AUDIT");
        return (TimeBasedRollingPolicy<?>) appender.getRollingPolicy();
    }
}
