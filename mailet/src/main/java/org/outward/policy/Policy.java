package org.outward.policy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.outward.inspect.InspectionLimits;
import org.outward.protect.ProtectionLevel;

/**
 * A loaded, checked policy: who is inside the party, what the detectors count as a finding, and what
 * happens to each kind of finding for each kind of recipient. Made by {@link PolicyLoader}; immutable.
 *
 * @param source            where it was loaded from, for messages and explanations
 * @param recipients        internal domains and trusted partners
 * @param senderGroups      named groups of senders (addresses, or {@code @domain} for a whole domain)
 * @param limits            inspection limits; what passes one becomes a {@link FindingKind#LIMIT_EXCEEDED} finding
 * @param detection         detector thresholds
 * @param inspectionFailure what happens to a message the gateway could not judge (fail closed)
 * @param secureTag         the subject tag with which a sender asks for secure links, e.g. {@code [secure]}
 * @param links             secure-link settings
 * @param notices           notice settings
 * @param retention         how long held mail is kept before it is deleted
 * @param identifiers       the identifiers the admins declared, which rules can name in {@code when.data}
 * @param rules             the rules, in file order
 */
public record Policy(String source, Recipients recipients, Map<String, List<String>> senderGroups, InspectionLimits limits,
                     Detection detection, Action inspectionFailure, String secureTag, Links links, Notices notices,
                     Retention retention, List<CustomIdentifier> identifiers, List<Rule> rules) {

    public Policy {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(recipients, "recipients");
        senderGroups = Map.copyOf(senderGroups);
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(detection, "detection");
        Objects.requireNonNull(inspectionFailure, "inspectionFailure");
        Objects.requireNonNull(secureTag, "secureTag");
        Objects.requireNonNull(links, "links");
        Objects.requireNonNull(notices, "notices");
        Objects.requireNonNull(retention, "retention");
        identifiers = List.copyOf(identifiers);
        rules = List.copyOf(rules);
    }

    /**
     * @param internalDomains domains of the party itself; a subdomain counts as the domain
     * @param partners        trusted outside organisations, each with its own name for rules
     */
    public record Recipients(List<String> internalDomains, List<Partner> partners) {
        public Recipients {
            internalDomains = List.copyOf(internalDomains);
            partners = List.copyOf(partners);
        }
    }

    public record Partner(String name, List<String> domains) {
        public Partner {
            Objects.requireNonNull(name, "name");
            domains = List.copyOf(domains);
        }
    }

    public record Detection(int minRecords, double personalDataMinConfidence, double passwordMinConfidence,
                            Duration correlationWindow) {
        public static final Detection DEFAULTS = new Detection(5, 0.6, 0.7, Duration.ofDays(7));
    }

    public record Links(Duration expiry, int maxDownloads) {
        public static final Links DEFAULTS = new Links(Duration.ofDays(7), 5);
    }

    /**
     * How long the gateway keeps mail it did not deliver. Blocked originals and held mail are personal data
     * too: keeping them for ever would break the storage limitation the party's rules and UK GDPR ask for.
     *
     * @param blocked    originals of blocked mail, kept so that nothing is lost while the sender resends safely
     * @param quarantine mail held for an admin who has neither released nor deleted it
     */
    public record Retention(Duration blocked, Duration quarantine) {
        public static final Retention DEFAULTS = new Retention(Duration.ofDays(30), Duration.ofDays(30));

        public Retention {
            Objects.requireNonNull(blocked, "blocked");
            Objects.requireNonNull(quarantine, "quarantine");
        }
    }

    /**
     * @param language           {@code en}, {@code cy} or {@code both} (Welsh and English in one notice)
     * @param dpoAddress         where replies to a notice go (the data protection officer); empty: to the postmaster
     * @param tellSenderOnDelete whether the sender of held mail an admin deletes is told so; true by default, since
     *                           the notice that held it left them waiting for a decision
     */
    public record Notices(String language, String dpoAddress, boolean tellSenderOnDelete) {
        public static final Notices DEFAULTS = new Notices("en", "", true);

        public Notices {
            Objects.requireNonNull(language, "language");
            Objects.requireNonNull(dpoAddress, "dpoAddress");
        }

        /** The settings with the sender told of a deletion, as by default. */
        public Notices(String language, String dpoAddress) {
            this(language, dpoAddress, DEFAULTS.tellSenderOnDelete());
        }
    }

    /**
     * One rule: when a finding of this kind is present (with these conditions), for these recipients and
     * senders (but not the senders in {@code exceptSenders}), take this action. Empty lists mean everyone.
     */
    public record Rule(String id, String description, Condition when, List<String> recipients, List<String> senders,
                       List<String> exceptSenders, Action action, int line) {
        public Rule {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(when, "when");
            recipients = List.copyOf(recipients);
            senders = List.copyOf(senders);
            exceptSenders = List.copyOf(exceptSenders);
            Objects.requireNonNull(action, "action");
        }
    }

    /**
     * @param finding     the kind of finding the rule is about
     * @param protection  the protection levels of the part holding it that make the rule fire; empty means any
     * @param minRecords  fires only from this many records (personal data); 0 means the detection threshold
     * @param secureTag   fires only when the subject does (true) or does not (false) carry the secure tag; null for either
     * @param fileName    fires only for parts whose file name matches this pattern; null for any
     * @param data        fires only when the fact holds at least one of these kinds of personal data (built-in
     *                    words such as {@code national-insurance-number}, or declared identifiers' names); empty for any
     */
    public record Condition(FindingKind finding, List<ProtectionLevel> protection, int minRecords, Boolean secureTag,
                            java.util.regex.Pattern fileName, List<String> data) {
        public Condition {
            Objects.requireNonNull(finding, "finding");
            protection = List.copyOf(protection);
            data = List.copyOf(data);
        }
    }
}
