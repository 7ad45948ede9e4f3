package org.outward.detect.secret.correlate;

import java.time.Instant;
import java.util.List;

/**
 * Remembers which sender mailed an encrypted attachment to which recipient, for a limited window, so a later
 * message carrying a password can be recognised as the password for that attachment.
 *
 * <p>Implementations keep no addresses in the clear, no passwords and no message content; a file's password
 * check reaches them already sealed under the installation key. They must be safe
 * for concurrent use by several mailet threads.
 */
public interface EncryptedSendLog {

    /**
     * Remembers that the sender mailed an encrypted attachment with this file name to the recipient, with the
     * file's own password check, sealed (or {@link SealedCheck#NONE}).
     */
    void record(String sender, String recipient, String fileName, Instant sentAt, SealedCheck check);

    /** Remembers an encrypted attachment whose format keeps no check the gateway reads. */
    default void record(String sender, String recipient, String fileName, Instant sentAt) {
        record(sender, recipient, fileName, sentAt, SealedCheck.NONE);
    }

    /** The encrypted attachments this sender mailed to this recipient within the window, newest first. */
    List<EncryptedSend> recent(String sender, String recipient);

    /** Forgets everything older than the window. */
    void expire();
}
