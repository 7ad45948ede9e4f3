/**
 * False-positive report tickets in the shared PostgreSQL database, for gateway, portal and console nodes that share
 * backends (see {@code org.outward.feedback}).
 */
package org.outward.backends.feedback;
