package org.outward.report;

import java.time.Instant;

/**
 * One message held in a mail repository, waiting for an admin to release or delete it.
 *
 * @param repository the repository's path, e.g. {@code var/mail/outward-quarantine}
 * @param key        its key there
 * @param heldSince  when it was stored
 * @param sender     the envelope sender
 * @param recipients how many recipients it is held for
 * @param messageId  its Message-ID, empty if it has none
 */
public record HeldMail(String repository, String key, Instant heldSince, String sender, int recipients, String messageId) {
}
