package org.outward.portal;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.Optional;

import org.outward.feedback.ReportStore;
import org.outward.shared.SharedBackendSource;
import org.outward.shared.VaultSetting;

/**
 * The store of the gateway's report tickets in the vault a portal serves: where the gateway files them
 * ({@link VaultSetting#reports(SharedBackendSource)}). A portal that cannot open it still serves secure links, without the report
 * page, and says so in its log.
 */
public final class ReportsInVault {

    private static final System.Logger LOG = System.getLogger(ReportsInVault.class.getName());

    private ReportsInVault() {
    }

    public static Optional<ReportStore> open(VaultSetting vault, SharedBackendSource backends) {
        try {
            return Optional.of(vault.reports(backends));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "report tickets with the vault " + vault + " cannot be opened ("
                    + e.getClass().getSimpleName() + "): the page to report a notice as wrong is off");
            return Optional.empty();
        }
    }
}
