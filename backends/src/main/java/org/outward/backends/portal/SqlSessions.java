package org.outward.backends.portal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.outward.backends.sql.Database;
import org.outward.backends.sql.Times;
import org.outward.portal.Sessions;
import org.outward.vault.ItemId;

/**
 * Sessions every portal node honours, in PostgreSQL. The table keeps the SHA-256 of each session id, never the
 * id, so reading the table opens no session. Rows rather than a sealed cookie: a row can be ended at once, and
 * there is no second key for the portal nodes to share and rotate.
 */
public final class SqlSessions implements Sessions {

    private final Database database;
    private final Duration lifetime;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public SqlSessions(Database database, Duration lifetime, Clock clock) {
        this.database = database;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    @Override
    public String open(ItemId item) throws IOException {
        String id = Sessions.newId(random);
        Instant expires = Times.stored(clock.instant().plus(lifetime));
        database.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO outward_portal_sessions (id_hash, item_id, expires) VALUES (?, ?, ?)")) {
                insert.setBytes(1, hash(id));
                insert.setString(2, item.hex());
                Times.set(insert, 3, expires);
                insert.executeUpdate();
            }
            return null;
        });
        return id;
    }

    @Override
    public boolean allows(String sessionId, ItemId item) throws IOException {
        if (sessionId == null || sessionId.length() > 100) {
            return false;
        }
        Instant now = clock.instant();
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM outward_portal_sessions"
                    + " WHERE id_hash = ? AND item_id = ? AND expires > ?")) {
                select.setBytes(1, hash(sessionId));
                select.setString(2, item.hex());
                Times.set(select, 3, now);
                try (ResultSet row = select.executeQuery()) {
                    return row.next();
                }
            }
        });
    }

    @Override
    public void forgetOld() throws IOException {
        Instant now = clock.instant();
        database.inTransaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM outward_portal_sessions WHERE expires <= ?")) {
                Times.set(delete, 1, now);
                delete.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Duration lifetime() {
        return lifetime;
    }

    private static byte[] hash(String id) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }
}
