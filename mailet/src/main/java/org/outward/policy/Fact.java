package org.outward.policy;

import java.util.List;
import java.util.Objects;

import org.outward.protect.ProtectionLevel;

/**
 * One finding as the policy sees it: what kind, in which part, how protected that part is, and how strong
 * the evidence is. Detectors' findings are turned into facts; rules are matched against facts.
 *
 * @param kind       the kind of finding
 * @param partPath   the part it was found in, e.g. {@code 2/canvass.xlsx}; {@code subject} or {@code body} for the message text
 * @param fileName   the part's file name as the sender wrote it, empty if it has none
 * @param protection the protection of the part (for message text: {@link ProtectionLevel#NONE})
 * @param records    how many records (people), 0 where counting makes no sense
 * @param confidence 0..1
 * @param evidence   redacted evidence only, e.g. {@code 312 rows: J*** S****, LA9 4**}; never the data itself
 * @param recipients the recipients the fact concerns (a password for a file sent earlier to one of them);
 *                   empty when it concerns every recipient
 * @param dataKinds  for personal and special category data, the kinds of personal data seen, by their policy
 *                   words ({@code person-name}, a declared identifier's name), sorted; empty for other facts
 * @param people     for personal and special category data, the rest of the evidence in parts, for notices
 *
 * <p>For {@link FindingKind#PASSWORD_FOR_EARLIER_ATTACHMENT} the evidence is when the earlier file was sent,
 * followed by {@link #OPENS_THE_FILE} when the password was tested against the file's own check and opens it.
 */
public record Fact(FindingKind kind, String partPath, String fileName, ProtectionLevel protection, int records,
                   double confidence, String evidence, List<String> recipients, List<String> dataKinds,
                   PeopleEvidence people) {

    /** Ends the evidence of a password that was tested against the earlier file and opens it. */
    public static final String OPENS_THE_FILE = "; opens the file";

    /**
     * The evidence of a {@link FindingKind#PASSWORD_FOR_EARLIER_ATTACHMENT}: when the earlier file was sent, as an
     * ISO-8601 moment that each notice writes in its own language, then {@link #OPENS_THE_FILE} if the password opens it.
     */
    public static String earlierAttachmentEvidence(java.time.Instant sentAt, boolean opens) {
        return sentAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + (opens ? OPENS_THE_FILE : "");
    }

    public Fact {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(partPath, "partPath");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(protection, "protection");
        Objects.requireNonNull(evidence, "evidence");
        recipients = List.copyOf(recipients);
        dataKinds = dataKinds.stream().distinct().sorted().toList();
        Objects.requireNonNull(people, "people");
    }

    /** A fact without evidence in parts. */
    public Fact(FindingKind kind, String partPath, String fileName, ProtectionLevel protection, int records,
                double confidence, String evidence, List<String> recipients, List<String> dataKinds) {
        this(kind, partPath, fileName, protection, records, confidence, evidence, recipients, dataKinds,
                PeopleEvidence.NONE);
    }

    /** A fact that concerns some recipients only, with no kinds of personal data. */
    public Fact(FindingKind kind, String partPath, String fileName, ProtectionLevel protection, int records,
                double confidence, String evidence, List<String> recipients) {
        this(kind, partPath, fileName, protection, records, confidence, evidence, recipients, List.of());
    }

    /** A fact about the message as a whole, for every recipient. */
    public Fact(FindingKind kind, String partPath, String fileName, ProtectionLevel protection, int records,
                double confidence, String evidence) {
        this(kind, partPath, fileName, protection, records, confidence, evidence, List.of(), List.of());
    }

    /** Whether the fact counts for this recipient. */
    public boolean concerns(String recipient) {
        return recipients.isEmpty() || recipients.stream().anyMatch(r -> r.equalsIgnoreCase(recipient));
    }
}
