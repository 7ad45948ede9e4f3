/**
 * Where a node keeps the state that several gateway and portal nodes must share: the vault and the
 * password-correlation state.
 *
 * <p>One node keeps them in local files ({@link org.outward.vault.LocalDiskVault},
 * {@link org.outward.detect.secret.correlate.FileEncryptedSendLog}), which is the default. Several nodes keep them in
 * shared backends, which live in their own jar ({@code outward-backends}: PostgreSQL and an S3-compatible object
 * store) so that the plugin jar stays small for the single-node case.
 *
 * <p>How a mailet is told which one to use: a setting that is either {@code local:<folder>} (or just a folder) or
 * {@code shared} ({@link org.outward.shared.VaultSetting}). A setting opens a shared store through a
 * {@link org.outward.shared.SharedBackendSource}: in James, the back end of the Guice module James's
 * {@code extensions.properties} names ({@code org.outward.james.ServerState}); in the portal, the console and the
 * tools, {@link org.outward.shared.SharedBackends}, which finds {@code outward-backends} with
 * {@link java.util.ServiceLoader} and reads its settings from the environment. No password is written into
 * {@code mailetcontainer.xml}.
 */
package org.outward.shared;
