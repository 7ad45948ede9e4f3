package org.outward.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outward.backends.PostgresS3Backend;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real James reads which shared back end its Outward mailets get from the Guice module its
 * {@code extensions.properties} names, and that module's settings from {@code outward-backends.properties}: with
 * {@code PostgresS3Module} named, the inspection point set to {@code <correlationState>shared</correlationState>}
 * keeps an encrypted send in PostgreSQL; with no module named, the same configuration does not start and says where
 * the back end is chosen. The process environment names no back end (no {@code OUTWARD_DB_*}).
 */
class SharedBackendModuleEndToEndTest {

    private static EmbeddedPostgres postgres;

    @TempDir
    Path temp;

    @BeforeAll
    static void startDatabase() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        postgres.close();
    }

    /** The built-in configuration, with the inspection point's correlation state shared. */
    private Path configuration(boolean nameTheModule) throws Exception {
        Path conf = temp.resolve("conf");
        try (Stream<Path> files = Files.list(Path.of("conf"))) {
            Files.createDirectories(conf);
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.copy(file, conf.resolve(file.getFileName().toString()));
            }
        }
        Path mailets = conf.resolve("mailetcontainer.xml");
        String xml = Files.readString(mailets);
        String inspect = "class=\"org.outward.james.Inspect\">";
        assertThat(xml).contains(inspect);
        Files.writeString(mailets, xml.replace(inspect, inspect + "<correlationState>shared</correlationState>"));
        if (nameTheModule) {
            Files.writeString(conf.resolve("extensions.properties"),
                    "guice.extension.module=org.outward.backends.PostgresS3Module\n");
            // Nothing listens on the object store's port: a node that shares only the correlation state never asks it.
            Files.writeString(conf.resolve("outward-backends.properties"), String.join("\n",
                    "database.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                    "database.user=postgres",
                    "database.password=unused-by-trust-auth",
                    "database.poolSize=2",
                    "s3.bucket=outward-unused",
                    "s3.endpoint=http://127.0.0.1:9",
                    "s3.region=us-east-1", ""));
        }
        return conf;
    }

    private GatewaySettings settings(Path conf) {
        return new GatewaySettings(0, 0, Optional.of(conf), temp.resolve("work"), new OutboundRoute.TryOut());
    }

    @Test
    void theModuleNamedInExtensionsPropertiesKeepsTheCorrelationStateInPostgres() throws Exception {
        assertThat(System.getenv("OUTWARD_DB_URL")).isNull();
        try (EmbeddedGateway gateway = EmbeddedGateway.start(settings(configuration(true)))) {
            assertThat(gateway.serverState().sharedBackend().sharedBackend()).isInstanceOf(PostgresS3Backend.class);
            byte[] zip = Files.readAllBytes(Path.of("..", "test-fixtures", "files", "zip", "aes256-7zip.zip"));
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            MailClient.withAttachment("sam.volunteer@party.example", "alex.agent@example.org", "Canvass sheets",
                    "The file; the password follows by phone.", "canvass.zip", zip, "application/zip").writeTo(raw);
            MailClient.submit(gateway.smtpPort(), raw.toByteArray(), "sam.volunteer@party.example",
                    "alex.agent@example.org");

            long deadline = System.nanoTime() + 60_000_000_000L;
            long sends = 0;
            while (sends == 0 && System.nanoTime() < deadline) {
                Thread.sleep(200);
                sends = encryptedSends();
            }
            assertThat(sends).as("encrypted sends kept in PostgreSQL").isEqualTo(1);
        }
    }

    @Test
    void withoutTheModuleASharedSettingStopsTheStartSayingWhereTheBackEndIsNamed() throws Exception {
        Path conf = configuration(false);
        assertThatThrownBy(() -> {
            try (EmbeddedGateway gateway = EmbeddedGateway.start(settings(conf))) {
                throw new AssertionError("the gateway started, but should not have");
            }
        }).isInstanceOf(StartupProblem.class).hasMessageContaining("extensions.properties");
    }

    private static long encryptedSends() throws Exception {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery("SELECT to_regclass('outward_encrypted_sends') IS NOT NULL")) {
                exists.next();
                if (!exists.getBoolean(1)) {
                    return 0;
                }
            }
            try (ResultSet count = statement.executeQuery("SELECT count(*) FROM outward_encrypted_sends")) {
                count.next();
                return count.getLong(1);
            }
        }
    }
}
