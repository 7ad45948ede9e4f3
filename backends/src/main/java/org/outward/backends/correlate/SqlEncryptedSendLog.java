package org.outward.backends.correlate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.outward.backends.sql.Database;
import org.outward.backends.sql.Times;
import org.outward.detect.secret.correlate.AddressKey;
import org.outward.detect.secret.correlate.EncryptedSend;
import org.outward.detect.secret.correlate.EncryptedSendLog;
import org.outward.detect.secret.correlate.FileEncryptedSendLog;
import org.outward.detect.secret.correlate.SealedCheck;
import org.outward.installation.InstallationKey;

/**
 * The password-correlation state several gateway nodes share, in PostgreSQL: what one node records, every node
 * recognises. Addresses are stored only as keyed hashes ({@link AddressKey}), so every node must hold the same
 * installation key. Each pair keeps at most its newest {@link FileEncryptedSendLog#MAX_PER_PAIR} entries, as the
 * file does; entries older than the window are dropped by {@link #expire()} and never returned.
 *
 * <p>The interface has no checked exceptions: a database failure is an {@link UncheckedIOException}, which the
 * inspection mailet treats as a message it could not judge (fail closed).
 */
public final class SqlEncryptedSendLog implements EncryptedSendLog {

    private final Database database;
    private final InstallationKey key;
    private final Duration window;
    private final Clock clock;

    public SqlEncryptedSendLog(Database database, InstallationKey key, Duration window, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.key = Objects.requireNonNull(key, "key");
        this.window = Objects.requireNonNull(window, "window");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the correlation window must be positive");
        }
    }

    @Override
    public void record(String sender, String recipient, String fileName, Instant sentAt, SealedCheck check) {
        String senderKey = AddressKey.of(key, sender);
        String recipientKey = AddressKey.of(key, recipient);
        run(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO outward_encrypted_sends"
                    + " (sender_key, recipient_key, file_name, sent_at, password_check) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, senderKey);
                insert.setString(2, recipientKey);
                insert.setString(3, fileName);
                Times.set(insert, 4, Times.stored(sentAt));
                insert.setBytes(5, check.isPresent() ? check.bytes() : null);
                insert.executeUpdate();
            }
            try (PreparedStatement trim = connection.prepareStatement("DELETE FROM outward_encrypted_sends"
                    + " WHERE sender_key = ? AND recipient_key = ? AND seq NOT IN (SELECT seq FROM"
                    + " outward_encrypted_sends WHERE sender_key = ? AND recipient_key = ?"
                    + " ORDER BY sent_at DESC, seq DESC LIMIT ?)")) {
                trim.setString(1, senderKey);
                trim.setString(2, recipientKey);
                trim.setString(3, senderKey);
                trim.setString(4, recipientKey);
                trim.setInt(5, FileEncryptedSendLog.MAX_PER_PAIR);
                trim.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<EncryptedSend> recent(String sender, String recipient) {
        Instant cutoff = clock.instant().minus(window);
        return run(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT file_name, sent_at, password_check FROM"
                    + " outward_encrypted_sends WHERE sender_key = ? AND recipient_key = ? AND sent_at >= ?"
                    + " ORDER BY sent_at DESC, seq DESC")) {
                select.setString(1, AddressKey.of(key, sender));
                select.setString(2, AddressKey.of(key, recipient));
                Times.set(select, 3, cutoff);
                List<EncryptedSend> sends = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        sends.add(new EncryptedSend(row.getString("file_name"), Times.get(row, "sent_at"),
                                SealedCheck.of(row.getBytes("password_check"))));
                    }
                }
                return sends;
            }
        });
    }

    @Override
    public void expire() {
        Instant cutoff = clock.instant().minus(window);
        run(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM outward_encrypted_sends WHERE sent_at < ?")) {
                Times.set(delete, 1, cutoff);
                delete.executeUpdate();
            }
            return null;
        });
    }

    private <T> T run(Database.Work<T> work) {
        try {
            return database.inTransaction(work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
