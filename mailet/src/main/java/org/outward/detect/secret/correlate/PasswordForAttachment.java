package org.outward.detect.secret.correlate;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

import org.outward.detect.secret.SecretFinding;

/**
 * A secret in this message that is taken to be the password for an encrypted attachment the same sender
 * mailed the same recipient earlier.
 *
 * @param recipient the recipient both messages went to (shown to the sender, never stored)
 * @param finding   the secret found in this message, redacted
 * @param earlier   the earlier encrypted attachment: its file name and when it was sent
 * @param opens     whether the secret was tested against the file's own password check and opens it; false when
 *                  the tie rests on timing and wording alone
 */
public record PasswordForAttachment(String recipient, SecretFinding finding, EncryptedSend earlier, boolean opens) {

    public PasswordForAttachment {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(earlier, "earlier");
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.UK);

    /**
     * One sentence for the sender, in English: which attachment this password opens and when it went.
     * Notices in Welsh will word it themselves from the same fields.
     */
    public String explain(ZoneId zone) {
        return (opens ? "This is the password (" : "This looks like the password (") + finding.redacted() + ", " + finding.where() + ") for \""
                + earlier.fileName() + "\", the encrypted attachment you sent to " + recipient + " on "
                + WHEN.format(earlier.sentAt().atZone(zone)) + ". Send it by text message, phone call or a"
                + " secure messaging app instead.";
    }
}
