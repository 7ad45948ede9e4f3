/**
 * Where a node keeps the state that several gateway and portal nodes must share: the vault and the
 * password-correlation state.
 *
 * <p>One node keeps them in local files ({@link org.outward.vault.LocalDiskVault},
 * {@link org.outward.detect.secret.correlate.FileEncryptedSendLog}), which is the default. Several nodes keep them in
 * shared backends, which live in their own jar ({@code outward-backends}: PostgreSQL and an S3-compatible object
 * store) so that the plugin jar stays small for the single-node case. This package finds that jar through
 * {@link java.util.ServiceLoader} ({@link org.outward.shared.SharedBackendProvider}); in James it must sit in
 * {@code extensions-jars} beside the plugin jar, with its libraries.
 *
 * <p>How a mailet is told which one to use: a setting that is either {@code local:<folder>} (or just a folder) or
 * {@code shared}; the shared backends then read their addresses and credentials from the environment (see
 * {@code backends/README.md}), so no password is written into {@code mailetcontainer.xml}.
 */
package org.outward.shared;
