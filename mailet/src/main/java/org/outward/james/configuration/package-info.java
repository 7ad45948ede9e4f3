/**
 * The parameters of each Outward mailet, one configuration record per mailet, and each matcher's condition, one
 * record per matcher: public constants for the parameter names (the launcher writes {@code mailetcontainer.xml}
 * with them), the values read and checked once at {@code init}, and a parameter the mailet does not know refused
 * by name. A misspelt {@code <polcy>} would otherwise leave the mailet on a default without a word; James's own
 * {@code GenericMailet.checkInitParameters} refuses too, but its message names neither the mailet nor the
 * parameters it takes, which an admin with a dozen mailets needs.
 */
package org.outward.james.configuration;
