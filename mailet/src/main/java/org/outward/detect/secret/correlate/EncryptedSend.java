package org.outward.detect.secret.correlate;

import java.time.Instant;
import java.util.Objects;

/**
 * An encrypted attachment a sender mailed to a recipient earlier: all the correlation keeps about it.
 *
 * @param fileName the attachment's file name as the sender wrote it
 * @param sentAt   when the message was sent
 */
public record EncryptedSend(String fileName, Instant sentAt) {

    public EncryptedSend {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(sentAt, "sentAt");
    }
}
