package org.outward.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Optional;

import org.outward.audit.AuditTrail;
import org.outward.audit.HeldMailRef;
import org.outward.audit.NodeName;

/**
 * Every admin action in the console as one event of the audit trail ({@link AuditTrail}, so the fields are those
 * the gateway, the digest and the incident export know): a sign-in with its outcome, a release or delete of held
 * mail (its repository, key and Message-ID, which tie it to the decision that held it, and the admin's reason), a
 * secure link revoked, links purged. Lines are appended to the audit file when there is one (the gateway's own,
 * next to the embedded gateway), else logged on {@value AuditTrail#LOGGER}.
 */
public final class AdminAudit {

    /** How console users prove who they are. */
    static final String METHOD = "password+totp";

    private static final System.Logger LOG = System.getLogger(AuditTrail.LOGGER);

    private final Optional<Path> file;
    private final AuditTrail trail;

    public AdminAudit(Optional<Path> file, Clock clock) {
        this.file = file;
        this.trail = new AuditTrail(clock, NodeName.ofThisNode(), this::write);
    }

    /**
     * @param user the account's name, or {@code unknown} when no account has the name typed: people type their
     *             password into the name field, and it must not reach the trail
     */
    void signIn(String user, boolean succeeded) {
        signIn(user, succeeded, METHOD);
    }

    /** The same through another method, e.g. {@code oidc:entra}, whose user is the verified e-mail address. */
    void signIn(String user, boolean succeeded, String method) {
        trail.signIn(user, succeeded, method);
    }

    void release(String admin, HeldMail mail, String reason) {
        trail.release(admin, reference(mail), reason);
    }

    void delete(String admin, HeldMail mail, String reason) {
        trail.delete(admin, reference(mail), reason);
    }

    void revoke(String admin, String item, String reason) {
        trail.revoke(admin, item, "", reason);
    }

    void purge(String admin, int items) {
        trail.purge(admin, items);
    }

    /** A policy file changed to settle a false-positive report. */
    void policyEdited(String admin, Path policy, String sha256, int rules, String report) {
        trail.policyEdited(admin, policy.toString(), sha256, rules, report);
    }

    /** A false-positive report settled with no change. */
    void reportDismissed(String admin, String report, String messageId, String reason) {
        trail.reportDismissed(admin, report, messageId, reason);
    }

    /** The statistics of a period downloaded as CSV, with this many sender addresses in it. */
    void statisticsExported(String user, StatisticsPeriod period, int senders) {
        trail.export(user, "statistics", period.first().toString(), period.last().toString(), senders);
    }

    /** The repository as the gateway's configuration names it, as the retention sweep's events do. */
    private static HeldMailRef reference(HeldMail mail) {
        return new HeldMailRef("file://var/mail/" + mail.repository() + "/", mail.key(), mail.messageId());
    }

    private synchronized void write(String line) {
        if (file.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, line);
            return;
        }
        try {
            // One write of the whole line in append mode: lines of the gateway's own writer, appending to the same
            // file, never land inside it.
            Files.writeString(file.get(), line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            // An action whose trail cannot be written must not look done: the caller's page reports the failure.
            throw new IllegalStateException("console audit file not writable: " + e.getClass().getName());
        }
    }
}
