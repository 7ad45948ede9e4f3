package org.outward.backends.sql;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Instants in and out of {@code timestamptz} columns, which hold microseconds. */
public final class Times {

    private Times() {
    }

    /** The instant as PostgreSQL will keep it, so what a caller is told equals what is stored. */
    public static Instant stored(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** Sets a time; {@link Instant#MIN} ("never") is stored as null. */
    public static void set(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setObject(index, instant.equals(Instant.MIN) ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    /** Reads a time; null ("never") reads as {@link Instant#MIN}. */
    public static Instant get(ResultSet row, String column) throws SQLException {
        OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
        return time == null ? Instant.MIN : time.toInstant();
    }
}
