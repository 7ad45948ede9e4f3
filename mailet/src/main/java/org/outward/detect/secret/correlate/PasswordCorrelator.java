package org.outward.detect.secret.correlate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.outward.detect.secret.FollowUpTokens.FollowUpToken;
import org.outward.detect.secret.SecretFinding;

/**
 * Links a password in a message to an encrypted attachment the same sender mailed the same recipient
 * within the window: the party's rule is that the password for a file never travels by email, neither
 * with the file nor after it.
 *
 * <p>The inspection mailet calls {@link #rememberEncrypted} for each encrypted attachment that leaves, and
 * {@link #correlate} with each message's secret findings.
 */
public final class PasswordCorrelator {

    private final EncryptedSendLog log;

    public PasswordCorrelator(EncryptedSendLog log) {
        this.log = Objects.requireNonNull(log, "log");
    }

    /** Remembers that these encrypted attachments went from the sender to each recipient. */
    public void rememberEncrypted(String sender, Collection<String> recipients, Collection<String> fileNames,
                                  Instant sentAt) {
        for (String recipient : recipients) {
            for (String fileName : fileNames) {
                log.record(sender, recipient, fileName, sentAt);
            }
        }
    }

    /**
     * For each recipient who earlier received an encrypted attachment from this sender, the secret findings
     * of this message paired with the newest such attachment.
     */
    public List<PasswordForAttachment> correlate(String sender, Collection<String> recipients,
                                                 List<SecretFinding> findings) {
        List<PasswordForAttachment> links = new ArrayList<>();
        if (findings.isEmpty()) {
            return links;
        }
        for (String recipient : recipients) {
            List<EncryptedSend> earlier = log.recent(sender, recipient);
            if (!earlier.isEmpty()) {
                for (SecretFinding finding : findings) {
                    links.add(new PasswordForAttachment(recipient, finding, earlier.get(0)));
                }
            }
        }
        return List.copyOf(links);
    }

    /**
     * Tokens found without a cue ({@link org.outward.detect.secret.FollowUpTokens}) count only in a message to a recipient who received
     * an encrypted attachment from this sender within the window: for each such recipient, each token paired
     * with the newest such attachment.
     */
    public List<PasswordForAttachment> correlateFollowUp(String sender, Collection<String> recipients,
                                                         List<FollowUpToken> tokens) {
        return correlate(sender, recipients, tokens.stream().map(FollowUpToken::finding).toList());
    }
}
