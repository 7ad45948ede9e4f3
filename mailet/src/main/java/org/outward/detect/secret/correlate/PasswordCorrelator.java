package org.outward.detect.secret.correlate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.outward.detect.secret.TokenFinding;
import org.outward.installation.InstallationKey;

/**
 * Links a password in a message to an encrypted attachment the same sender mailed the same recipient
 * within the window: the party's rule is that the password for a file never travels by email, neither
 * with the file nor after it.
 *
 * <p>The inspection mailet calls {@link #remember} for each encrypted attachment that leaves, and
 * {@link #correlate} with each message's secret findings. Where the earlier file's format keeps its own password
 * check (see {@link PasswordTest}), the correlation keeps it, sealed under the installation key
 * ({@link CheckSeal}), and tests a later token against it: a token that opens the file is its password for
 * certain; a token that opens none of the checked files is not tied to them. Files without a check are tied to
 * any password-like token the detectors report.
 */
public final class PasswordCorrelator {

    /** Key derivations are deliberately slow (7z: 2^19 hashes): at most this many token-file tests per message. */
    static final int MAX_TESTS_PER_MESSAGE = 8;

    private final EncryptedSendLog log;
    private final CheckSeal seal;
    private final Function<byte[], Optional<PasswordTest>> decoder;

    /** A correlation that keeps no password checks: every later password-like token is tied by the heuristics. */
    public PasswordCorrelator(EncryptedSendLog log) {
        this(log, null, bytes -> Optional.empty());
    }

    /**
     * @param log     where the sends are remembered
     * @param key     the installation key the checks are sealed under
     * @param decoder reads a check's stored form back; empty for a form it does not know
     */
    public PasswordCorrelator(EncryptedSendLog log, InstallationKey key, Function<byte[], Optional<PasswordTest>> decoder) {
        this.log = Objects.requireNonNull(log, "log");
        this.seal = key == null ? null : new CheckSeal(key);
        this.decoder = Objects.requireNonNull(decoder, "decoder");
    }

    /** Remembers that these encrypted attachments went from the sender to each recipient, with their checks. */
    public void remember(String sender, Collection<String> recipients, Collection<EncryptedFile> files,
                         Instant sentAt) {
        for (String recipient : recipients) {
            for (EncryptedFile file : files) {
                SealedCheck check = seal == null || file.check().isEmpty() ? SealedCheck.NONE
                        : seal.seal(file.check().get().encode(), boundTo(sender, recipient, file.fileName(), sentAt));
                log.record(sender, recipient, file.fileName(), sentAt, check);
            }
        }
    }

    /**
     * For each recipient who earlier received an encrypted attachment from this sender, each token paired with
     * the file it opens (tested against the files' own checks, newest first), or else with the newest file that
     * keeps no check. A token that opens none of the checked files and finds no unchecked one is not tied.
     */
    public List<PasswordForAttachment> correlate(String sender, Collection<String> recipients,
                                                 List<TokenFinding> tokens) {
        List<PasswordForAttachment> links = new ArrayList<>();
        if (tokens.isEmpty()) {
            return links;
        }
        int[] budget = {MAX_TESTS_PER_MESSAGE};
        for (String recipient : recipients) {
            List<EncryptedSend> earlier = log.recent(sender, recipient);
            for (TokenFinding token : tokens) {
                link(sender, recipient, token, earlier, budget).ifPresent(links::add);
            }
        }
        return List.copyOf(links);
    }

    private Optional<PasswordForAttachment> link(String sender, String recipient, TokenFinding token,
                                                 List<EncryptedSend> earlier, int[] budget) {
        EncryptedSend unchecked = null;
        for (EncryptedSend send : earlier) {
            Optional<PasswordTest> check = open(sender, recipient, send);
            if (check.isEmpty()) {
                unchecked = unchecked == null ? send : unchecked;
            } else if (budget[0] > 0) {
                budget[0]--;
                if (check.get().opens(token.token())) {
                    return Optional.of(new PasswordForAttachment(recipient, token.finding(), send, true));
                }
            } else {
                unchecked = unchecked == null ? send : unchecked; // untested for lack of time: treat as unchecked
            }
        }
        return Optional.ofNullable(unchecked).map(send -> new PasswordForAttachment(recipient, token.finding(), send, false));
    }

    private Optional<PasswordTest> open(String sender, String recipient, EncryptedSend send) {
        if (seal == null || !send.check().isPresent()) {
            return Optional.empty();
        }
        return seal.open(send.check(), boundTo(sender, recipient, send.fileName(), send.sentAt())).flatMap(decoder);
    }

    private String boundTo(String sender, String recipient, String fileName, Instant sentAt) {
        return sender.strip().toLowerCase(java.util.Locale.ROOT) + "\n" + recipient.strip().toLowerCase(java.util.Locale.ROOT)
                + "\n" + fileName + "\n" + sentAt.getEpochSecond();
    }
}
