package org.outward.shared;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

import org.outward.feedback.FolderReportStore;
import org.outward.feedback.ReportStore;
import org.outward.vault.LocalDiskVault;
import org.outward.vault.Vault;

/**
 * Where a node's vault is: {@code local:<folder>} (or just a folder) for one node, {@code shared} for the
 * shared backends.
 *
 * @param shared whether the shared backends hold it
 * @param folder the local folder, when not shared
 */
public record VaultSetting(boolean shared, Path folder) {

    /** The word that selects the shared backends. */
    public static final String SHARED = "shared";
    private static final String LOCAL = "local:";

    /** Reads a setting; a blank one is refused. */
    public static VaultSetting parse(String text) {
        String value = text == null ? "" : text.strip();
        if (value.equals(SHARED)) {
            return new VaultSetting(true, null);
        }
        String folder = value.startsWith(LOCAL) ? value.substring(LOCAL.length()).strip() : value;
        if (folder.isEmpty()) {
            throw new IllegalArgumentException("a vault setting is local:<folder> or " + SHARED);
        }
        return new VaultSetting(false, Path.of(folder));
    }

    /** Opens the vault this setting names; a shared one is {@code backends}' vault. */
    public Vault open(Clock clock, SharedBackendSource backends) throws IOException {
        return shared ? backends.sharedBackend().vault(clock) : new LocalDiskVault(folder, clock);
    }

    /**
     * Opens the store of false-positive report tickets that goes with this vault: the folder {@code reports} in a local
     * vault's folder, or the shared backends.
     */
    public ReportStore reports(SharedBackendSource backends) throws IOException {
        return shared ? backends.sharedBackend().reports() : new FolderReportStore(FolderReportStore.inVault(folder));
    }

    @Override
    public String toString() {
        return shared ? SHARED : LOCAL + folder;
    }
}
