package org.outward.deploy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.mail.MessagingException;

import org.outward.policy.InvalidPolicyException;
import org.outward.policy.Policy;
import org.outward.report.Digest;
import org.outward.report.DigestMail;
import org.outward.report.DigestText;
import org.outward.report.HeldMail;
import org.outward.report.HeldMailList;
import org.outward.report.TrailFiles;

/**
 * Makes the DPO's digest of a window and prints or mails it: what {@code gateway audit digest} does once, and what
 * {@code gateway run --digest} does on a schedule ({@link DigestSchedule}).
 *
 * @param audit     the audit file or its folder
 * @param webAdmin  James's WebAdmin, asked for the held mail; empty to leave held mail out
 * @param token     a WebAdmin bearer token, when WebAdmin needs one
 * @param policy    the policy file (DPO address, notice language); null for the default policy
 * @param console   the admin console's address, linked from the digest
 * @param smtpHost  where the digest is submitted
 * @param to        the address to send to instead of the policy's DPO
 * @param from      the digest's From instead of postmaster at the DPO's domain
 */
record DigestDelivery(Path audit, Optional<URI> webAdmin, Optional<String> token, Path policy, Optional<String> console,
                      String smtpHost, int smtpPort, Optional<String> to, Optional<String> from) {

    /** Why a digest could not be made or sent, in one line for the admin. */
    static final class Problem extends Exception {
        Problem(String message) {
            super(message);
        }
    }

    /** The digest's text, in the policy's notice language. */
    String text(Instant start, Instant end) throws Problem {
        return DigestText.of(digest(start, end), policyInForce().notices().language());
    }

    /** Mails the digest; answers the address it went to. */
    String send(Instant start, Instant end) throws Problem {
        Policy inForce = policyInForce();
        String dpo = to.orElse(inForce.notices().dpoAddress());
        if (dpo.isEmpty()) {
            throw new Problem("the policy names no DPO (notices.dpo-address): set it, or give --to");
        }
        String language = inForce.notices().language();
        String body = DigestText.of(digest(start, end), language);
        try {
            DigestMail.send(smtpHost, smtpPort, from.orElse("postmaster@" + dpo.substring(dpo.indexOf('@') + 1)), dpo,
                    DigestText.subject(language), body);
        } catch (MessagingException | RuntimeException e) {
            throw new Problem("cannot send the digest through " + smtpHost + ":" + smtpPort + ": " + e.getMessage());
        }
        return dpo;
    }

    private Digest digest(Instant start, Instant end) throws Problem {
        List<HeldMail> held = List.of();
        if (webAdmin.isPresent()) {
            try {
                held = new HeldMailList(webAdmin.get(), token).in(HeldMailList.WAITING);
            } catch (IOException e) {
                throw new Problem("cannot list the held mail through WebAdmin at " + webAdmin.get() + ": "
                        + e.getMessage() + " (start the gateway, or give --no-held)");
            }
        }
        // Back far enough to find the decisions that held the oldest waiting mail.
        Instant readFrom = held.stream().map(HeldMail::heldSince).map(t -> t.minus(Duration.ofDays(1)))
                .filter(t -> t.isBefore(start)).min(Instant::compareTo).orElse(start);
        if (!java.nio.file.Files.exists(audit)) {
            throw new Problem("no audit trail at " + audit);
        }
        try {
            return Digest.of(TrailFiles.read(audit, readFrom, end), start, end, held, console);
        } catch (IOException e) {
            throw new Problem("cannot read the audit trail at " + audit + ": " + e.getMessage());
        }
    }

    private Policy policyInForce() throws Problem {
        try {
            return PolicySource.load(policy);
        } catch (InvalidPolicyException e) {
            throw new Problem("policy " + e.problems().get(0));
        }
    }
}
