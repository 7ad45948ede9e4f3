package org.outward.detect.secret.correlate;

import java.util.Objects;

import org.outward.detect.secret.SecretFinding;

/**
 * A secret in this message that is taken to be the password for an encrypted attachment the same sender
 * mailed the same recipient earlier.
 *
 * @param recipient the recipient both messages went to (shown to the sender, never stored)
 * @param finding   the secret found in this message, redacted
 * @param earlier   the earlier encrypted attachment: its file name and when it was sent
 */
public record PasswordForAttachment(String recipient, SecretFinding finding, EncryptedSend earlier) {

    public PasswordForAttachment {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(earlier, "earlier");
    }
}
