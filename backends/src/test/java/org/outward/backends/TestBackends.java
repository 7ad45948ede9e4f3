package org.outward.backends;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real PostgreSQL (zonky's embedded binaries from Maven Central, started as a process on a free port) and a real
 * S3-compatible server (S3Proxy in this JVM, on a free loopback port, over a folder), started once for all the
 * tests of a run and stopped at its end. Each test gets a database and a bucket of its own ({@link #settings()},
 * the environment a node would read); {@link #node()} opens a node's backends on them, closed after the test.
 *
 * <pre>
 * &#64;RegisterExtension
 * static final TestBackends BACKENDS = new TestBackends();
 * </pre>
 */
public final class TestBackends implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback {

    static final String ACCESS_KEY = "outward-test-access";
    static final String SECRET_KEY = "outward-test-secret-key";

    private static final AtomicInteger NEXT = new AtomicInteger();

    private Servers servers;
    private Map<String, String> settings;
    private final List<AutoCloseable> opened = new ArrayList<>();

    /** The two servers, shared by all test classes and closed by JUnit when the run ends. */
    private static final class Servers implements ExtensionContext.Store.CloseableResource {
        final EmbeddedPostgres postgres;
        final S3Proxy s3;
        final Path blobs;

        Servers() throws Exception {
            postgres = EmbeddedPostgres.builder().start();
            blobs = Files.createTempDirectory("outward-s3proxy-");
            s3 = S3Proxy.builder().blobStore(new FilesystemNio2BlobStore(blobs.toString()))
                    .endpoint(URI.create("http://127.0.0.1:0"))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY).build();
            s3.start();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!"STARTED".equals(s3.getState())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("S3Proxy did not start: " + s3.getState());
                }
                Thread.sleep(20);
            }
        }

        @Override
        public void close() throws Exception {
            try {
                s3.stop();
            } finally {
                postgres.close();
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        servers = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Servers.class, key -> {
                    try {
                        return new Servers();
                    } catch (Exception e) {
                        throw new IllegalStateException("cannot start the test backends", e);
                    }
                }, Servers.class);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        settings = freshSettings();
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        for (AutoCloseable node : opened) {
            node.close();
        }
        opened.clear();
    }

    /** The environment of a node using this test's database and bucket. */
    public Map<String, String> settings() {
        return settings;
    }

    /** A node's backends on this test's database and bucket, as a gateway or portal process opens them. */
    public PostgresS3Backend node() throws IOException {
        PostgresS3Backend node = PostgresS3Backend.open(BackendSettings.from(settings));
        opened.add(node);
        return node;
    }

    /** The environment of a node using a new, empty database and bucket. */
    private Map<String, String> freshSettings() throws IOException {
        int n = NEXT.incrementAndGet();
        String database = "outward_test_" + n;
        try (Connection connection = servers.postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IOException("cannot create a test database", e);
        }
        return Map.of("OUTWARD_DB_URL", servers.postgres.getJdbcUrl("postgres", database),
                "OUTWARD_DB_USER", "postgres",
                "OUTWARD_DB_PASSWORD", "unused-by-trust-auth",
                "OUTWARD_DB_POOL_SIZE", "4",
                "OUTWARD_S3_ENDPOINT", "http://127.0.0.1:" + servers.s3.getPort(),
                "OUTWARD_S3_BUCKET", "outward-test-" + n,
                "OUTWARD_S3_ACCESS_KEY", ACCESS_KEY,
                "OUTWARD_S3_SECRET_KEY", SECRET_KEY);
    }

    /**
     * Takes this test's database away from its nodes as a stopped server would: new connections are refused and
     * the open ones are ended. The other tests' databases on the same server carry on.
     */
    public void stopDatabase() throws IOException {
        String url = settings.get("OUTWARD_DB_URL");
        String database = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        try (Connection connection = servers.postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS false");
            statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
        } catch (SQLException e) {
            throw new IOException("cannot stop the test database", e);
        }
    }

    /** This test's bucket. */
    public String bucket() {
        return settings.get("OUTWARD_S3_BUCKET");
    }

    /** An S3 client of the test's own, to look at the bucket behind the vault's back; closed after the test. */
    public S3Client s3() {
        S3Client client = S3Client.builder().httpClient(UrlConnectionHttpClient.builder().build()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .endpointOverride(URI.create("http://127.0.0.1:" + servers.s3.getPort())).forcePathStyle(true).build();
        opened.add(client);
        return client;
    }
}
