/**
 * The portal state several portal nodes share, in PostgreSQL: one-time codes and tries, sessions, and the CSRF
 * key. Only the portal loads this package; a gateway without the portal jar never touches it.
 */
package org.outward.backends.portal;
