package org.outward.audit;

import java.util.Objects;

/**
 * Which held mail an admin acted on: the James mail repository it is kept in, its key there, and the message's
 * Message-ID (which ties the action to the decision that held it).
 *
 * @param repository e.g. {@code file://var/mail/outward-quarantine/}
 * @param mailKey    the mail's key in that repository
 * @param messageId  the message's Message-ID header, empty if it has none
 */
public record HeldMailRef(String repository, String mailKey, String messageId) {

    public HeldMailRef {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(mailKey, "mailKey");
        messageId = messageId == null ? "" : messageId;
    }
}
