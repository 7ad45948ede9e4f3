package org.outward.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gateway run --shared-backends}: the mailets are pointed at the shared backends, and a gateway whose
 * environment does not name them refuses to start rather than fall back to local files another node cannot see.
 * (The backends themselves are tested against real servers in the backends module.)
 */
class SharedBackendsSettingTest {

    @TempDir
    Path temp;

    private GatewaySettings settings(boolean shared) {
        return new GatewaySettings(0, 0, Optional.empty(), temp.resolve("work"), new OutboundRoute.TryOut())
                .withSharedBackends(shared);
    }

    @Test
    void theMailetsAreToldToUseTheSharedBackends() throws Exception {
        Path conf = ConfigRenderer.render(settings(true));
        String xml = Files.readString(conf.resolve("mailetcontainer.xml"));
        assertThat(xml).contains("<vault>shared</vault>", "<correlationState>shared</correlationState>")
                .doesNotContain("<vaultFolder>");
        // James is told which back end by the module its extensions.properties names; its settings name variables.
        assertThat(Files.readString(conf.resolve("extensions.properties")))
                .contains("guice.extension.module=org.outward.backends.PostgresS3Module");
        assertThat(Files.readString(conf.resolve("outward-backends.properties")))
                .contains("database.url=${env:OUTWARD_DB_URL}", "database.password=${env:OUTWARD_DB_PASSWORD}",
                        "s3.secretKey=${env:OUTWARD_S3_SECRET_KEY}");
    }

    @Test
    void withoutThemJamesIsNamedNoBackEndModule() throws Exception {
        Path conf = ConfigRenderer.render(settings(false));
        assertThat(conf.resolve("extensions.properties")).doesNotExist();
        assertThat(conf.resolve("outward-backends.properties")).doesNotExist();
    }

    @Test
    void withoutThemTheVaultIsTheWorkFoldersOwn() throws Exception {
        String xml = Files.readString(ConfigRenderer.render(settings(false)).resolve("mailetcontainer.xml"));
        assertThat(xml).contains("<vault>local:" + temp.resolve("work").resolve("vault").toAbsolutePath() + "</vault>")
                .doesNotContain("correlationState").doesNotContain("<vaultFolder>");
    }

    @Test
    void aGatewayWhoseEnvironmentNamesNoBackendsDoesNotStart() {
        // The test JVM's environment has no OUTWARD_DB_URL.
        assertThat(System.getenv("OUTWARD_DB_URL")).isNull();
        assertThatThrownBy(() -> {
            try (EmbeddedGateway gateway = EmbeddedGateway.start(settings(true))) {
                throw new AssertionError("the gateway started, but should not have");
            }
        }).isInstanceOf(StartupProblem.class).hasMessageContaining("OUTWARD_DB_URL");
    }

    @Test
    void theContainersSharedFilesNameTheModuleAndEverySettingFromItsVariable() throws Exception {
        Path shared = Path.of("docker", "conf", "shared");
        java.util.Properties extensions = new java.util.Properties();
        try (var in = Files.newInputStream(shared.resolve("extensions.properties"))) {
            extensions.load(in);
        }
        Class<?> module = Class.forName(extensions.getProperty("guice.extension.module"));
        assertThat(com.google.inject.Module.class).isAssignableFrom(module);
        assertThat(module).isEqualTo(org.outward.backends.PostgresS3Module.class);

        java.util.Properties settings = new java.util.Properties();
        try (var in = Files.newInputStream(shared.resolve(org.outward.backends.PostgresS3Module.SETTINGS_FILE))) {
            settings.load(in);
        }
        assertThat(settings.stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(org.outward.backends.BackendSettings.PROPERTY_VARIABLES.keySet());
        org.outward.backends.BackendSettings.PROPERTY_VARIABLES.forEach((key, variable) ->
                assertThat(settings.getProperty(key)).as(key).isEqualTo("${env:" + variable + "}"));
    }
}
