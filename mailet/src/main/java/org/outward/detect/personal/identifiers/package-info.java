/**
 * The built-in identifiers, one declaration a file. Each file is a class holding
 * {@code public static final IdentifierDeclaration DECLARATION}: kind, shape (a regex beginning with
 * {@code \b}), validator, context words, column header words, whether context is required, the window and the
 * score, and hints only for what the shape cannot say. The registry finds every class here, in the order of
 * their names; nothing else needs editing to add one. Write its test beside it (see
 * {@code VoterAuthorityCertificateTest}): values found with their words near, not without, and a list under
 * its header counted as records.
 */
package org.outward.detect.personal.identifiers;
