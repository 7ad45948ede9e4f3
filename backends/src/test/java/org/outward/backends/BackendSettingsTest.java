package org.outward.backends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.outward.backends.portal.SharedPortalStateProvider;
import org.outward.portal.PortalState;
import org.outward.shared.SharedBackend;
import org.outward.shared.SharedBackendProvider;
import org.outward.vault.Deposit;
import org.outward.vault.NewItem;

/** How a node finds and names the shared backends: from its environment, without showing a credential. */
class BackendSettingsTest {

    @RegisterExtension
    static final TestBackends BACKENDS = new TestBackends();

    private static Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("OUTWARD_DB_URL", "jdbc:postgresql://outward:db-secret@db.internal:5432/outward?password=db-secret");
        env.put("OUTWARD_DB_USER", "outward");
        env.put("OUTWARD_DB_PASSWORD", "db-secret");
        env.put("OUTWARD_S3_ENDPOINT", "https://objects.internal:9000");
        env.put("OUTWARD_S3_BUCKET", "outward-vault");
        env.put("OUTWARD_S3_ACCESS_KEY", "access-id");
        env.put("OUTWARD_S3_SECRET_KEY", "s3-secret");
        return env;
    }

    @Test
    void readsTheEnvironmentAndNeverShowsACredential() {
        BackendSettings settings = BackendSettings.from(env());
        assertThat(settings.poolSize()).isEqualTo(8);
        assertThat(settings.region()).isEqualTo("us-east-1");
        assertThat(settings.toString()).isEqualTo("PostgreSQL jdbc:postgresql://db.internal:5432/outward, bucket "
                + "outward-vault at https://objects.internal:9000").doesNotContain("secret", "access-id");
    }

    @Test
    void whatIsMissingOrWrongIsNamed() {
        Map<String, String> env = env();
        env.remove("OUTWARD_DB_URL");
        assertThatThrownBy(() -> BackendSettings.from(env)).hasMessageContaining("OUTWARD_DB_URL");
        Map<String, String> noBucket = env();
        noBucket.put("OUTWARD_S3_BUCKET", " ");
        assertThatThrownBy(() -> BackendSettings.from(noBucket)).hasMessageContaining("OUTWARD_S3_BUCKET");
        Map<String, String> halfLogin = env();
        halfLogin.remove("OUTWARD_S3_SECRET_KEY");
        assertThatThrownBy(() -> BackendSettings.from(halfLogin)).hasMessageContaining("OUTWARD_S3_SECRET_KEY");
        Map<String, String> pool = env();
        pool.put("OUTWARD_DB_POOL_SIZE", "many");
        assertThatThrownBy(() -> BackendSettings.from(pool)).hasMessageContaining("OUTWARD_DB_POOL_SIZE");
    }

    @Test
    void aWrongPasswordFailsWithoutShowingIt() throws IOException {
        Map<String, String> env = new HashMap<>(BACKENDS.settings());
        env.put("OUTWARD_S3_SECRET_KEY", "not-the-s3-secret");
        // The object store is first asked when the vault is: a node sharing only the correlation state never asks it.
        try (SharedBackend backend = new PostgresS3Provider().open(env)) {
            assertThatThrownBy(() -> backend.vault(Clock.systemUTC())).isInstanceOf(IOException.class)
                    .hasMessageContaining("object store").hasMessageNotContaining("not-the-s3-secret");
        }
    }

    @Test
    void jamesReadsTheSameSettingsFromOutwardBackendsPropertiesWithVariablesAndCommasKept(@TempDir Path folder)
            throws IOException {
        Path file = folder.resolve(PostgresS3Module.SETTINGS_FILE);
        // PATH is set in every environment; an unset variable's placeholder counts as not given.
        Files.writeString(file, String.join("\n",
                "database.url=jdbc:postgresql://db.internal:5432/outward",
                "database.user=${env:PATH}",
                "database.password=pass, word,with commas",
                "s3.bucket=outward-vault",
                "s3.endpoint=${env:OUTWARD_TEST_VARIABLE_NOT_SET}", ""));
        Map<String, String> read = PostgresS3Module.read(file.toFile());
        assertThat(read).containsEntry("database.user", System.getenv("PATH"))
                .containsEntry("database.password", "pass, word,with commas");
        BackendSettings settings = BackendSettings.fromProperties(read);
        assertThat(settings.databasePassword()).isEqualTo("pass, word,with commas");
        assertThat(settings.endpoint()).isEmpty();
        assertThat(settings.poolSize()).isEqualTo(8);

        Files.writeString(file, "database.url=jdbc:postgresql://db/outward\ns3.bucket=b\ndatabase.pasword=x\n");
        assertThatThrownBy(() -> BackendSettings.fromProperties(PostgresS3Module.read(file.toFile())))
                .hasMessageContaining("unknown setting database.pasword");
    }

    @Test
    void theMailetsAndThePortalFindTheBackendsThroughTheServiceLoader() throws IOException {
        assertThat(ServiceLoader.load(SharedBackendProvider.class)).singleElement().isInstanceOf(PostgresS3Provider.class);
        assertThat(ServiceLoader.load(PortalState.Provider.class)).singleElement()
                .isInstanceOf(SharedPortalStateProvider.class);
        SharedBackendProvider provider = ServiceLoader.load(SharedBackendProvider.class).findFirst().orElseThrow();
        try (SharedBackend backend = provider.open(BACKENDS.settings())) {
            Deposit deposit = backend.vault(Clock.systemUTC()).put(NewItem.withDefaults("a@party.example",
                    "b@example.org", "x.csv", "text/csv"), new ByteArrayInputStream(new byte[] {1, 2, 3}));
            assertThat(backend.vault(Clock.systemUTC()).describe(deposit.link())).isPresent();
            assertThat(backend.describe()).contains(BACKENDS.bucket()).doesNotContain(TestBackends.SECRET_KEY);
        }
    }
}
