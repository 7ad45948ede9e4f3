/** The vault several nodes share: rows in PostgreSQL, sealed contents in an S3-compatible bucket. */
package org.outward.backends.vault;
