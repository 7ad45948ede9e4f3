package org.outward.backends;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import org.outward.backends.correlate.SqlEncryptedSendLog;
import org.outward.backends.feedback.SqlReportStore;
import org.outward.backends.sql.Database;
import org.outward.backends.vault.S3Contents;
import org.outward.backends.vault.SharedVault;
import org.outward.detect.secret.correlate.EncryptedSendLog;
import org.outward.feedback.ReportStore;
import org.outward.installation.InstallationKey;
import org.outward.shared.SharedBackend;
import org.outward.vault.Vault;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * PostgreSQL and an S3-compatible bucket, opened once per process and shared by everything in it. This class
 * names no portal type: in James, where the portal jar is absent, it must load all the same.
 */
public final class PostgresS3Backend implements SharedBackend {

    private final BackendSettings settings;
    private final Database database;
    private final S3Contents contents;
    private boolean bucketChecked;

    private PostgresS3Backend(BackendSettings settings, Database database, S3Contents contents) {
        this.settings = settings;
        this.database = database;
        this.contents = contents;
    }

    /**
     * Connects to the database, creating the schema when it does not exist yet. The bucket is looked at (and made)
     * when the vault is first asked for: a node that shares only the correlation state never needs the object store.
     */
    public static PostgresS3Backend open(BackendSettings settings) throws IOException {
        Database database = Database.open(settings.databaseUrl(), settings.databaseUser(),
                settings.databasePassword(), settings.poolSize());
        S3Contents contents;
        try {
            contents = new S3Contents(s3(settings), settings.bucket());
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        return new PostgresS3Backend(settings, database, contents);
    }

    private static S3Client s3(BackendSettings settings) {
        AwsCredentialsProvider credentials = settings.accessKey().isPresent()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey().get(),
                settings.secretKey().orElseThrow()))
                : DefaultCredentialsProvider.builder().build();
        S3ClientBuilder builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.builder().build())
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                // Checksums only where S3 requires them: not every S3-compatible server knows the newer ones.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        // Self-hosted servers (MinIO, Ceph, Garage, S3Proxy) are addressed by path, not by bucket host name.
        settings.endpoint().ifPresent(endpoint -> builder.endpointOverride(endpoint).forcePathStyle(true));
        return builder.build();
    }

    @Override
    public Vault vault(Clock clock) throws IOException {
        synchronized (contents) {
            if (!bucketChecked) {
                contents.ensureBucket();
                bucketChecked = true;
            }
        }
        return new SharedVault(database, contents, clock);
    }

    @Override
    public EncryptedSendLog encryptedSendLog(InstallationKey key, Duration window, Clock clock) {
        return new SqlEncryptedSendLog(database, key, window, clock);
    }

    @Override
    public ReportStore reports() {
        return new SqlReportStore(database);
    }

    /** The database, for the portal's shared state (kept apart so a gateway without the portal jar never loads it). */
    public Database database() {
        return database;
    }

    @Override
    public String describe() {
        return settings.toString();
    }

    @Override
    public void close() {
        contents.close();
        database.close();
    }
}
