package org.outward.backends.portal;

import java.io.IOException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;

import org.outward.backends.sql.Database;
import org.outward.portal.PortalConfig;
import org.outward.portal.PortalKey;
import org.outward.portal.PortalState;

/**
 * The portal state several portal nodes share: codes and tries, sessions, and the CSRF key, which the first node
 * to start makes and every node then reads, so a form served by one node is accepted by another. The CSRF key may
 * sit in the database: its tokens only have to be beyond a browser's reach. The code key may not ({@link PortalKey}).
 */
public final class SqlPortalState {

    private static final String CSRF = "csrf";
    private static final String PORTAL_KEY_FINGERPRINT = "portal-key-fingerprint";

    private SqlPortalState() {
    }

    /**
     * The shared state, codes kept as MACs under the key. The key itself is not stored here (a key beside the MACs
     * would not protect them from a reader of the database), only its fingerprint: the first node records it, and
     * a node whose key differs is refused, rather than failing every code another node sent.
     */
    public static PortalState open(Database database, PortalConfig.Limits limits, Clock clock, PortalKey key)
            throws IOException {
        if (!java.security.MessageDigest.isEqual(firstStored(database, PORTAL_KEY_FINGERPRINT, key.fingerprint()),
                key.fingerprint())) {
            throw new IOException("this portal node's key differs from the other portal nodes' key:"
                    + " give every node a copy of the same portal key file");
        }
        return PortalState.of(new SqlOneTimeCodes(database, limits, clock, key),
                new SqlSessions(database, limits.sessionLifetime(), clock), sharedKey(database, CSRF),
                database::checkReachable);
    }

    /** The key of this name, made by the first node that asks. */
    private static byte[] sharedKey(Database database, String name) throws IOException {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        return firstStored(database, name, fresh);
    }

    /** The value stored under this name: {@code offered} if no node stored one before. */
    private static byte[] firstStored(Database database, String name, byte[] offered) throws IOException {
        return database.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO outward_portal_keys (name, secret)"
                    + " VALUES (?, ?) ON CONFLICT (name) DO NOTHING")) {
                insert.setString(1, name);
                insert.setBytes(2, offered);
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
