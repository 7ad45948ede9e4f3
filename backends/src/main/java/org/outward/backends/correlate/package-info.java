/** The password-correlation state several gateway nodes share, in PostgreSQL. */
package org.outward.backends.correlate;
