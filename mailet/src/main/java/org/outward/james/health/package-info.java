/**
 * Checks James's {@code /healthcheck} runs for Outward: whether the places held and queued mail is kept in work
 * ({@link org.outward.james.health.MailStorageCheck}). James loads them by class name from
 * {@code healthcheck.properties} ({@code additional.healthchecks}) and builds them with its own Guice injector.
 */
package org.outward.james.health;
