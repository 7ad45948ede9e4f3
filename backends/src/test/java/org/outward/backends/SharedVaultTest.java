package org.outward.backends;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.outward.vault.Deposit;
import org.outward.vault.ItemId;
import org.outward.vault.Vault;
import org.outward.vault.VaultContract;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The shared vault (PostgreSQL and S3) passes the same {@link VaultContract} as the local one. */
class SharedVaultTest extends VaultContract {

    @RegisterExtension
    static final TestBackends BACKENDS = new TestBackends();

    private S3Client s3;

    @BeforeEach
    void lookBehindTheVault() {
        s3 = BACKENDS.s3();
    }

    /** Each vault object gets a backend of its own, as two nodes would. */
    @Override
    protected Vault open(Clock clock) throws IOException {
        return BACKENDS.node().vault(clock);
    }

    private String bucket() {
        return BACKENDS.bucket();
    }

    @Override
    protected List<byte[]> storedContent() {
        List<byte[]> all = new ArrayList<>();
        for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(bucket())).contents()) {
            all.add(s3.getObjectAsBytes(b -> b.bucket(bucket()).key(object.key())).asByteArray());
        }
        return all;
    }

    @Override
    protected boolean contentStored(ItemId id) {
        try {
            s3.getObjectAsBytes(b -> b.bucket(bucket()).key("items/" + id.hex()));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        }
    }

    @Override
    protected void tamperWithContent(ItemId id) {
        byte[] bytes = s3.getObjectAsBytes(b -> b.bucket(bucket()).key("items/" + id.hex())).asByteArray();
        bytes[bytes.length - 100] ^= 1;
        s3.putObject(b -> b.bucket(bucket()).key("items/" + id.hex()), RequestBody.fromBytes(bytes));
    }

    @Override
    protected byte[] backupOfContent(ItemId id) {
        return s3.getObjectAsBytes(b -> b.bucket(bucket()).key("items/" + id.hex())).asByteArray();
    }

    @Override
    protected byte[] storedSalt(ItemId id) throws IOException {
        return BACKENDS.node().database().inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT salt FROM outward_vault_items WHERE id = ?")) {
                select.setString(1, id.hex());
                try (var row = select.executeQuery()) {
                    row.next();
                    byte[] salt = row.getBytes(1);
                    return salt == null ? new byte[0] : salt;
                }
            }
        });
    }

    @Test
    void theDatabaseHoldsNoContentAndTheBucketNoMetadata() throws Exception {
        PostgresS3Backend backend = BACKENDS.node();
        Deposit deposit = backend.vault(clock).put(item("a@example.org"), new ByteArrayInputStream(content()));
        assertThat(storedContent()).singleElement().satisfies(bytes ->
                assertThat(indexOf(bytes, "a@example.org".getBytes(java.nio.charset.StandardCharsets.UTF_8))).isEqualTo(-1));
        String dump = backend.database().inTransaction(connection -> {
            StringBuilder text = new StringBuilder();
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM outward_vault_items");
                 var rows = select.executeQuery()) {
                while (rows.next()) {
                    for (int c = 1; c <= rows.getMetaData().getColumnCount(); c++) {
                        text.append(rows.getString(c)).append('|');
                    }
                }
            }
            return text.toString();
        });
        assertThat(dump).contains(deposit.id().hex()).doesNotContain("Jane Example")
                .doesNotContain(deposit.link().encoded());
    }

    @Test
    void aSecondNodeStartingOnTheSameDatabaseFindsTheSchemaInPlace() throws IOException {
        Vault first = open(clock);
        Deposit deposit = first.put(item("a@example.org"), new ByteArrayInputStream(content()));
        Vault second = open(clock);
        assertThat(second.describe(deposit.link())).isPresent();
        assertThat(second.list()).hasSize(1);
    }
}
