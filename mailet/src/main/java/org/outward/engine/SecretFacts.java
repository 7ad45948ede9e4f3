package org.outward.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.outward.detect.secret.FollowUpTokens;
import org.outward.detect.secret.Location;
import org.outward.detect.secret.SecretDetector;
import org.outward.detect.secret.SecretFinding;
import org.outward.detect.secret.TextSource;
import org.outward.detect.secret.TokenFinding;
import org.outward.detect.secret.correlate.EncryptedFile;
import org.outward.detect.secret.correlate.PasswordCorrelator;
import org.outward.detect.secret.correlate.PasswordForAttachment;
import org.outward.detect.secret.correlate.PasswordTest;
import org.outward.inspect.InspectedPart;
import org.outward.inspect.Inspection;
import org.outward.policy.Decision;
import org.outward.policy.Fact;
import org.outward.policy.FindingKind;
import org.outward.protect.ProtectionLevel;
import org.outward.protect.verify.MalformedCheckException;
import org.outward.protect.verify.PasswordCheck;

/**
 * Passwords and logins in the message's own words: the subject, the body (plain and HTML, quoted replies
 * included) and small text attachments; and the link to an encrypted file the sender mailed the same
 * recipient earlier, which a short message can make with a bare password-like token and no cue at all.
 */
final class SecretFacts {

    /** A text attachment larger than this is a document, not a note with a password: personal-data detection reads it. */
    static final long SMALL_TEXT_ATTACHMENT = 64 * 1024;

    private SecretFacts() {
    }

    static List<Fact> of(SecretDetector detector, FollowUpTokens followUps, PasswordCorrelator correlator,
                         String subject, Inspection inspection, Envelope envelope) {
        List<TextSource> sources = new ArrayList<>();
        if (!subject.isBlank()) {
            sources.add(TextSource.subject(subject));
        }
        for (InspectedPart part : inspection.parts()) {
            String text = part.text().text();
            if (text.isBlank()) {
                continue;
            }
            String type = part.detectedType();
            if (part.disposition() == InspectedPart.Disposition.INLINE && type.startsWith("text/html")) {
                sources.add(new TextSource(Location.BODY_HTML, part.path(), part.declaredName(), text));
            } else if (part.disposition() == InspectedPart.Disposition.INLINE && type.startsWith("text/")) {
                sources.add(new TextSource(Location.BODY_PLAIN, part.path(), part.declaredName(), text));
            } else if (part.disposition() == InspectedPart.Disposition.ATTACHMENT && type.startsWith("text/plain")
                    && part.size() <= SMALL_TEXT_ATTACHMENT) {
                sources.add(new TextSource(Location.ATTACHMENT, part.path(), part.declaredName(), text));
            }
        }
        List<TokenFinding> cued = detector.findTokens(sources);
        List<SecretFinding> findings = cued.stream().map(TokenFinding::finding).toList();
        List<Fact> facts = new ArrayList<>();
        for (SecretFinding finding : findings) {
            facts.add(new Fact(FindingKind.PASSWORD, finding.partPath().isEmpty() ? "subject" : finding.partPath(), "",
                    ProtectionLevel.NONE, 0, finding.confidence(), finding.redacted() + " (" + finding.where() + ")"));
        }
        if (!envelope.sender().isEmpty()) {
            // Cued and bare tokens alike are tested against the earlier files' own checks where they have one.
            List<TokenFinding> tokens = new ArrayList<>(cued);
            followUps.find(sources).stream()
                    .filter(t -> findings.stream().noneMatch(f -> sameLine(f, t.finding())))
                    .forEach(tokens::add);
            List<PasswordForAttachment> links = correlator.correlate(envelope.sender(), envelope.recipients(),
                    tokens);
            for (PasswordForAttachment link : links) {
                facts.add(new Fact(FindingKind.PASSWORD_FOR_EARLIER_ATTACHMENT, link.finding().partPath(),
                        link.earlier().fileName(), ProtectionLevel.NONE, 0, link.opens() ? 1.0 : link.finding().confidence(),
                        Fact.earlierAttachmentEvidence(link.earlier().sentAt(), link.opens()),
                        List.of(link.recipient())));
            }
        }
        return facts;
    }

    /** A token the cue detector already reported is not reported again as a bare one. */
    private static boolean sameLine(SecretFinding a, SecretFinding b) {
        return a.partPath().equals(b.partPath()) && a.line() == b.line();
    }

    /**
     * Remembers encrypted attachments delivered to each recipient, so that a password sent after them is
     * recognised as theirs. Only the keyed hashes of the addresses, the file name, the time and the file's own
     * password check (sealed under the installation key) are kept.
     */
    static void rememberEncryptedAttachments(PasswordCorrelator correlator, Inspection inspection, Envelope envelope,
                                             Decision decision, Instant now) {
        if (envelope.sender().isEmpty()) {
            return;
        }
        List<EncryptedFile> encrypted = inspection.parts().stream()
                .filter(p -> p.disposition() == InspectedPart.Disposition.ATTACHMENT)
                .filter(p -> p.protection().level() == ProtectionLevel.STRONG || p.protection().level() == ProtectionLevel.WEAK)
                .map(p -> new EncryptedFile(InspectionFacts.fileName(p), p.passwordCheck().map(SecretFacts::asTest)))
                .toList();
        if (encrypted.isEmpty()) {
            return;
        }
        List<String> delivered = decision.recipients().stream().filter(r -> r.action().delivers())
                .map(Decision.RecipientDecision::recipient).toList();
        correlator.remember(envelope.sender(), delivered, encrypted, now);
    }

    /** A file's own password check, as the correlation keeps and asks it. */
    static PasswordTest asTest(PasswordCheck check) {
        return new PasswordTest() {
            @Override
            public boolean opens(String candidate) {
                return check.opens(candidate);
            }

            @Override
            public byte[] encode() {
                return check.encode();
            }
        };
    }

    /** A stored check read back; a form this version does not know is no check. */
    static Optional<PasswordTest> decode(byte[] stored) {
        try {
            return Optional.of(asTest(PasswordCheck.decode(stored)));
        } catch (MalformedCheckException unknown) {
            return Optional.empty();
        }
    }
}
