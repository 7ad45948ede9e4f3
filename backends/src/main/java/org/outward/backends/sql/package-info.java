/** The shared PostgreSQL database: its connection pool, its schema, and how times are stored. */
package org.outward.backends.sql;
