package org.outward.backends;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.outward.detect.secret.correlate.EncryptedSend;
import org.outward.detect.secret.correlate.EncryptedSendLog;
import org.outward.detect.secret.correlate.EncryptedSendLogContract;
import org.outward.installation.InstallationKey;

/** The shared correlation state passes the same {@link EncryptedSendLogContract} as the file, and is shared. */
class SqlEncryptedSendLogTest extends EncryptedSendLogContract {

    @RegisterExtension
    static final TestBackends BACKENDS = new TestBackends();

    private PostgresS3Backend node() {
        try {
            return BACKENDS.node();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected EncryptedSendLog open(InstallationKey key, Duration window) {
        return node().encryptedSendLog(key, window, clock);
    }

    @Override
    protected String storedText() {
        try {
            return node().database().inTransaction(connection -> {
                StringBuilder text = new StringBuilder();
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT sender_key, recipient_key, file_name, sent_at FROM outward_encrypted_sends");
                     ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        text.append(row.getString(1)).append('\t').append(row.getString(2)).append('\t')
                                .append(row.getString(3)).append('\t').append(row.getString(4)).append('\n');
                    }
                }
                return text.toString();
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void whatOneNodeRecordsEveryNodeSees() {
        EncryptedSendLog nodeA = open(key, Duration.ofDays(7));
        EncryptedSendLog nodeB = open(key, Duration.ofDays(7));
        nodeA.record(SAM, JO, "ward list.zip", clock.instant());
        clock.advance(Duration.ofMinutes(5));
        nodeB.record(SAM, JO, "canvass.7z", clock.instant());
        assertThat(nodeB.recent(SAM, JO)).extracting(EncryptedSend::fileName).containsExactly("canvass.7z", "ward list.zip");
        assertThat(nodeA.recent(SAM, JO)).extracting(EncryptedSend::fileName).containsExactly("canvass.7z", "ward list.zip");
    }
}
