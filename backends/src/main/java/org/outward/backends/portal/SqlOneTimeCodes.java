package org.outward.backends.portal;

import java.io.IOException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

import org.outward.backends.sql.Database;
import org.outward.backends.sql.Times;
import org.outward.portal.CodeMac;
import org.outward.portal.CodeState;
import org.outward.portal.OneTimeCodes;
import org.outward.portal.PortalConfig;
import org.outward.portal.PortalKey;
import org.outward.vault.ItemId;

/**
 * One-time codes (as MACs under the portal's key, in the column {@code code_hash}), tries and codes sent that
 * every portal node shares, in PostgreSQL. Each change reads the item's row with
 * {@code SELECT ... FOR UPDATE}, applies the {@link CodeState} rules and writes the row back in the same
 * transaction, so concurrent tries on any nodes are applied one after another and the tries limit and the limit
 * of codes sent per window hold.
 */
public final class SqlOneTimeCodes implements OneTimeCodes {

    private final Database database;
    private final PortalConfig.Limits limits;
    private final Clock clock;
    private final PortalKey key;
    private final SecureRandom random = new SecureRandom();

    /** Codes kept as MACs under the key, which every portal node must share (see {@link PortalKey}). */
    public SqlOneTimeCodes(Database database, PortalConfig.Limits limits, Clock clock, PortalKey key) {
        this.database = database;
        this.limits = limits;
        this.clock = clock;
        this.key = key;
    }

    @Override
    public Optional<String> issue(ItemId id) throws IOException {
        Instant now = Times.stored(clock.instant());
        return change(id, state -> state.issue(now, limits, random, new CodeMac(key, id)));
    }

    @Override
    public Check verify(ItemId id, String attempt) throws IOException {
        Instant now = Times.stored(clock.instant());
        return change(id, state -> state.verify(attempt, now, limits, new CodeMac(key, id)));
    }

    @Override
    public boolean locked(ItemId id) throws IOException {
        Instant now = clock.instant();
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT locked_until FROM outward_portal_codes WHERE item_id = ?")) {
                select.setString(1, id.hex());
                try (ResultSet row = select.executeQuery()) {
                    return row.next() && now.isBefore(Times.get(row, "locked_until"));
                }
            }
        });
    }

    @Override
    public void forgetOld() throws IOException {
        Instant now = clock.instant();
        database.inTransaction(connection -> {
            // The same test as CodeState.idleAt, in SQL.
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM outward_portal_codes"
                    + " WHERE (code_expires IS NULL OR code_expires <= ?) AND (locked_until IS NULL OR locked_until <= ?)"
                    + " AND tries_left = ? AND (window_start IS NULL OR window_start <= ?)")) {
                Times.set(delete, 1, now);
                Times.set(delete, 2, now);
                delete.setInt(3, limits.codeTries());
                Times.set(delete, 4, now.minus(limits.codeWindow()));
                delete.executeUpdate();
            }
            return null;
        });
    }

    /** Reads the item's state under a row lock, applies one step, stores the next state; the step's answer. */
    private <T> T change(ItemId id, Function<CodeState, CodeState.Step<T>> step) throws IOException {
        return database.inTransaction(connection -> {
            try (PreparedStatement create = connection.prepareStatement("INSERT INTO outward_portal_codes"
                    + " (item_id, tries_left) VALUES (?, ?) ON CONFLICT (item_id) DO NOTHING")) {
                create.setString(1, id.hex());
                create.setInt(2, limits.codeTries());
                create.executeUpdate();
            }
            CodeState.Step<T> done = step.apply(lockedState(connection, id));
            store(connection, id, done.next());
            return done.answer();
        });
    }

    private static CodeState lockedState(Connection connection, ItemId id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT code_hash, code_expires, tries_left,"
                + " locked_until, window_start, codes_sent FROM outward_portal_codes WHERE item_id = ? FOR UPDATE")) {
            select.setString(1, id.hex());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("the code row just made is gone", "02000");
                }
                return new CodeState(row.getBytes("code_hash"), Times.get(row, "code_expires"),
                        row.getInt("tries_left"), Times.get(row, "locked_until"), Times.get(row, "window_start"),
                        row.getInt("codes_sent"));
            }
        }
    }

    private static void store(Connection connection, ItemId id, CodeState next) throws SQLException {
        if (next == null) {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM outward_portal_codes WHERE item_id = ?")) {
                delete.setString(1, id.hex());
                delete.executeUpdate();
            }
            return;
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE outward_portal_codes SET code_hash = ?,"
                + " code_expires = ?, tries_left = ?, locked_until = ?, window_start = ?, codes_sent = ?"
                + " WHERE item_id = ?")) {
            update.setBytes(1, next.codeMac());
            Times.set(update, 2, next.codeExpires());
            update.setInt(3, next.triesLeft());
            Times.set(update, 4, next.lockedUntil());
            Times.set(update, 5, next.windowStart());
            update.setInt(6, next.codesSent());
            update.setString(7, id.hex());
            update.executeUpdate();
        }
    }
}
