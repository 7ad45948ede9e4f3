package org.outward.detect.secret.correlate;

import java.time.Instant;
import java.util.Objects;

/**
 * An encrypted attachment a sender mailed to a recipient earlier: all the correlation keeps about it.
 *
 * @param fileName the attachment's file name as the sender wrote it
 * @param sentAt   when the message was sent
 * @param check    the file's own password check, sealed; {@link SealedCheck#NONE} when its format has none
 */
public record EncryptedSend(String fileName, Instant sentAt, SealedCheck check) {

    public EncryptedSend {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(check, "check");
    }

    /** A send whose file keeps no check the gateway reads. */
    public EncryptedSend(String fileName, Instant sentAt) {
        this(fileName, sentAt, SealedCheck.NONE);
    }
}
