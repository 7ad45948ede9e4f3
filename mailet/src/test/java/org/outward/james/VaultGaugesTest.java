package org.outward.james;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.apache.james.metrics.dropwizard.DropWizardGaugeRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outward.vault.Deposit;
import org.outward.vault.LocalDiskVault;
import org.outward.vault.NewItem;

import com.codahale.metrics.MetricRegistry;

/** The vault's size in James's own Dropwizard registry, the one WebAdmin's /metrics serves. */
class VaultGaugesTest {

    @TempDir
    Path folder;

    private final MetricRegistry registry = new MetricRegistry();
    private LocalDiskVault vault;

    @BeforeEach
    void open() throws Exception {
        vault = new LocalDiskVault(folder, Clock.systemUTC());
    }

    private Deposit store(int bytes) throws Exception {
        return vault.put(new NewItem("s@party.example", "a@example.org", "list.csv", "text/csv", Duration.ofDays(1), 3),
                new ByteArrayInputStream(new byte[bytes]));
    }

    private Object gauge(String name) {
        return registry.getGauges().get(name).getValue();
    }

    @Test
    void countsTheItemsWhoseContentIsHeldAndTheirSize() throws Exception {
        VaultGauges.register(new DropWizardGaugeRegistry(registry), vault, Duration.ZERO, Clock.systemUTC());
        store(1000);
        Deposit revoked = store(500);

        vault.revoke(revoked.id(), "admin");

        assertThat(gauge("outward_vault_items")).isEqualTo(1L);
        assertThat(gauge("outward_vault_bytes")).isEqualTo(1000L);
    }

    @Test
    void listsTheVaultAtMostOncePerRefreshInterval() throws Exception {
        VaultGauges.register(new DropWizardGaugeRegistry(registry), vault, Duration.ofHours(1), Clock.systemUTC());
        store(1000);
        assertThat(gauge("outward_vault_items")).isEqualTo(1L);

        store(1000);

        assertThat(gauge("outward_vault_items")).as("the figure of the last listing").isEqualTo(1L);
    }

    @Test
    void aVaultThatCannotBeListedHasNoFigureRatherThanAWrongOne() throws Exception {
        VaultGauges.register(new DropWizardGaugeRegistry(registry), vault, Duration.ZERO, Clock.systemUTC());
        store(1000);
        assertThat(gauge("outward_vault_items")).isEqualTo(1L);

        try (var files = java.nio.file.Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }

        assertThat(gauge("outward_vault_items")).isNull();
        assertThat(gauge("outward_vault_bytes")).isNull();
    }
}
