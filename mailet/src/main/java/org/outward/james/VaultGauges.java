package org.outward.james;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.apache.james.metrics.api.GaugeRegistry;
import org.outward.vault.ItemInfo;
import org.outward.vault.Vault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The vault's size as two gauges of James's registry (served by WebAdmin's {@code /metrics} with the
 * {@link DecisionMetrics}): {@code outward_vault_items}, the items whose content is still held (neither purged
 * nor revoked), and {@code outward_vault_bytes}, the size of their files before encryption.
 *
 * <p>Listing the vault reads every item's metadata, so the figures are worked out at most once per refresh
 * interval however often the registry is scraped. When the vault cannot be listed a warning is logged and the
 * gauges have no value (James's Prometheus route then leaves them out), rather than a figure that is not true:
 * an alert on their absence notices it.
 */
final class VaultGauges {

    static final String ITEMS = DecisionMetrics.PREFIX + "vault_items";
    static final String BYTES = DecisionMetrics.PREFIX + "vault_bytes";

    private static final Logger LOG = LoggerFactory.getLogger(VaultGauges.class);

    private record Size(long items, long bytes) {
    }

    private final Vault vault;
    private final Duration refresh;
    private final Clock clock;
    /** The last listing's figures; null when it failed. */
    private Size last;
    private Instant listed;

    private VaultGauges(Vault vault, Duration refresh, Clock clock) {
        this.vault = vault;
        this.refresh = refresh;
        this.clock = clock;
    }

    static void register(GaugeRegistry registry, Vault vault, Duration refresh, Clock clock) {
        VaultGauges gauges = new VaultGauges(vault, refresh, clock);
        registry.register(ITEMS, () -> {
            Size size = gauges.size();
            return size == null ? null : size.items();
        });
        registry.register(BYTES, () -> {
            Size size = gauges.size();
            return size == null ? null : size.bytes();
        });
    }

    private synchronized Size size() {
        Instant now = clock.instant();
        if (listed != null && now.isBefore(listed.plus(refresh))) {
            return last;
        }
        listed = now;
        try {
            long items = 0;
            long bytes = 0;
            for (ItemInfo item : vault.list()) {
                if (!item.purged()) {
                    items++;
                    bytes += item.size();
                }
            }
            last = new Size(items, bytes);
        } catch (IOException | RuntimeException e) {
            LOG.warn("The vault could not be listed for its size gauges ({})", e.getClass().getName());
            last = null;
        }
        return last;
    }
}
