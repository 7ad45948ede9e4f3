package org.outward.backends.portal;

import java.io.IOException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;

import org.outward.backends.sql.Database;
import org.outward.portal.PortalConfig;
import org.outward.portal.PortalState;

/**
 * The portal state several portal nodes share: codes and tries, sessions, and the CSRF key, which the first node
 * to start makes and every node then reads, so a form served by one node is accepted by another.
 */
public final class SqlPortalState {

    private static final String CSRF = "csrf";

    private SqlPortalState() {
    }

    public static PortalState open(Database database, PortalConfig.Limits limits, Clock clock) throws IOException {
        return PortalState.of(new SqlOneTimeCodes(database, limits, clock),
                new SqlSessions(database, limits.sessionLifetime(), clock), sharedKey(database, CSRF));
    }

    /** The key of this name, made by the first node that asks. */
    private static byte[] sharedKey(Database database, String name) throws IOException {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        return database.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO outward_portal_keys (name, secret)"
                    + " VALUES (?, ?) ON CONFLICT (name) DO NOTHING")) {
                insert.setString(1, name);
                insert.setBytes(2, fresh);
                insert.executeUpdate();
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT secret FROM outward_portal_keys WHERE name = ?")) {
                select.setString(1, name);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getBytes(1);
                }
            }
        });
    }
}
