/**
 * Shared backends for several gateway and portal nodes: the vault's metadata, audit trail and download counters,
 * the password-correlation state, and the portal's codes, tries, sessions and CSRF key in PostgreSQL; the vault's
 * sealed contents in an S3-compatible object store. Each implements the interface its single-node version does
 * ({@link org.outward.vault.Vault}, {@link org.outward.detect.secret.correlate.EncryptedSendLog},
 * {@link org.outward.portal.PortalState}) and passes the same contract tests.
 *
 * <p>In James the mailets get them from {@link org.outward.backends.PostgresS3Module}, the Guice module James's
 * {@code extensions.properties} names, with its settings in {@code outward-backends.properties}
 * ({@link org.outward.backends.BackendSettings#PROPERTY_VARIABLES}). The portal, the console and the command-line
 * tools find them with {@link java.util.ServiceLoader} ({@link org.outward.shared.SharedBackends}) and read the same
 * settings from environment variables. In James this jar and its libraries ({@code backends/target/extensions-jars/})
 * go into {@code extensions-jars} beside the plugin jar; the plugin jar alone stays as small as a single node needs.
 * See {@code backends/README.md}.
 */
package org.outward.backends;
