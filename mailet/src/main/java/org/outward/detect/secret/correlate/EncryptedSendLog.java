package org.outward.detect.secret.correlate;

import java.time.Instant;
import java.util.List;

/**
 * Remembers which sender mailed an encrypted attachment to which recipient, for a limited window, so a later
 * message carrying a password can be recognised as the password for that attachment.
 *
 * <p>Implementations keep no addresses in the clear, no passwords and no message content. They must be safe
 * for concurrent use by several mailet threads.
 */
public interface EncryptedSendLog {

    /** Remembers that the sender mailed an encrypted attachment with this file name to the recipient. */
    void record(String sender, String recipient, String fileName, Instant sentAt);

    /** The encrypted attachments this sender mailed to this recipient within the window, newest first. */
    List<EncryptedSend> recent(String sender, String recipient);

    /** Forgets everything older than the window. */
    void expire();
}
