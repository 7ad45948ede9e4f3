package org.outward.notice;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.outward.policy.PeopleEvidence;

/**
 * What a notice says, independent of language: which message, what happened for which recipients, and what
 * was found, part by part, with redacted evidence only. The templates turn it into words.
 *
 * @param subject              the original subject
 * @param sent                 when the original was sent, or null when it does not say
 * @param blockedRecipients    not delivered
 * @param heldRecipients       held for an admin
 * @param warnedRecipients     delivered, with this notice
 * @param parts                findings grouped by part
 * @param passwordEvidence     redacted form of a password found in the message text, empty if none
 * @param passwordForEarlier   the earlier attachment a password belongs to, or null
 * @param secureTag            the subject tag that asks for secure links, empty if secure links are not offered
 * @param reportLink           the link to report this notice as wrong (on the portal), empty if none
 */
public record NoticeFacts(String subject, Instant sent, List<String> blockedRecipients, List<String> heldRecipients,
                          List<String> warnedRecipients, List<Part> parts, String passwordEvidence,
                          EarlierAttachment passwordForEarlier, String secureTag, String reportLink) {

    /** Facts of a notice without a report link. */
    public NoticeFacts(String subject, Instant sent, List<String> blockedRecipients, List<String> heldRecipients,
                       List<String> warnedRecipients, List<Part> parts, String passwordEvidence,
                       EarlierAttachment passwordForEarlier, String secureTag) {
        this(subject, sent, blockedRecipients, heldRecipients, warnedRecipients, parts, passwordEvidence,
                passwordForEarlier, secureTag, "");
    }

    public NoticeFacts {
        Objects.requireNonNull(subject, "subject");
        blockedRecipients = List.copyOf(blockedRecipients);
        heldRecipients = List.copyOf(heldRecipients);
        warnedRecipients = List.copyOf(warnedRecipients);
        parts = List.copyOf(parts);
        Objects.requireNonNull(passwordEvidence, "passwordEvidence");
        Objects.requireNonNull(secureTag, "secureTag");
        Objects.requireNonNull(reportLink, "reportLink");
    }

    /** The same facts with a link to report the notice as wrong. */
    public NoticeFacts withReportLink(String link) {
        return new NoticeFacts(subject, sent, blockedRecipients, heldRecipients, warnedRecipients, parts,
                passwordEvidence, passwordForEarlier, secureTag, link);
    }

    /**
     * One attachment and what was found in it.
     *
     * @param name            the file name as the sender wrote it
     * @param records         people counted
     * @param personalData    a list of people
     * @param specialCategory special category data (voting intentions, health, ...)
     * @param weakScheme      the broken scheme protecting it (e.g. {@code ZipCrypto}), empty if none
     * @param ownerOnly       a PDF with only an owner password
     * @param defaultPassword encrypted with Excel's built-in default password, which Office opens without asking
     * @param disguised       content disagrees with the name
     * @param notInspected    a limit stopped inspection
     * @param dataKinds       the kinds of personal data seen, by their policy words
     * @param people          the rest of what was found in a list of people (redacted examples only)
     */
    public record Part(String name, int records, boolean personalData, boolean specialCategory, String weakScheme,
                       boolean ownerOnly, boolean defaultPassword, boolean disguised, boolean notInspected,
                       List<String> dataKinds, PeopleEvidence people) {

        public Part {
            dataKinds = List.copyOf(dataKinds);
            Objects.requireNonNull(people, "people");
        }
    }

    /**
     * @param file   the earlier attachment's name
     * @param sentOn when it was sent; null when the evidence does not say
     * @param opens  whether the password was tested against the file and opens it (else it only looks like it)
     */
    public record EarlierAttachment(String file, Instant sentOn, boolean opens) {

        /** From a finding's file name and evidence (see {@link org.outward.policy.Fact#earlierAttachmentEvidence}). */
        public static EarlierAttachment of(String file, String evidence) {
            boolean opens = evidence.endsWith(org.outward.policy.Fact.OPENS_THE_FILE);
            String when = opens
                    ? evidence.substring(0, evidence.length() - org.outward.policy.Fact.OPENS_THE_FILE.length())
                    : evidence;
            Instant sentOn;
            try {
                sentOn = Instant.parse(when.trim());
            } catch (java.time.format.DateTimeParseException e) {
                sentOn = null;
            }
            return new EarlierAttachment(file, sentOn, opens);
        }
    }

    /** Facts that switch every section of a template on: used to check templates when they are loaded. */
    static NoticeFacts everything() {
        return new NoticeFacts("Canvass returns", Instant.parse("2026-11-22T10:00:00Z"), List.of("a@example.org"),
                List.of("b@example.org"), List.of("c@party.example"),
                List.of(new Part("canvass.xlsx", 312, true, true, "", false, false, false, false,
                                List.of("person-name"), new PeopleEvidence(false, List.of("political-opinion"),
                                List.of("J*** S****"))),
                        new Part("members.zip", 40, true, false, "ZipCrypto", false, false, false, false,
                                List.of("person-name"), new PeopleEvidence(true, List.of(), List.of())),
                        new Part("minutes.doc", 0, false, false, "Word 97-2003 RC4", false, false, false, false,
                                List.of(), PeopleEvidence.NONE),
                        new Part("roll.xlsx", 12, true, false, "", false, true, false, false, List.of("postcode"),
                                PeopleEvidence.NONE),
                        new Part("report.pdf", 0, false, false, "", true, false, false, false, List.of(),
                                PeopleEvidence.NONE),
                        new Part("photo.jpg", 0, false, false, "", false, false, true, false, List.of(),
                                PeopleEvidence.NONE),
                        new Part("archive.7z", 0, false, false, "", false, false, false, true, List.of(),
                                PeopleEvidence.NONE)),
                "Password: T*****", new EarlierAttachment("members.7z", Instant.parse("2026-11-20T18:12:00Z"), true), "[secure]",
                "https://files.party.example/r/token");
    }

    /** The variables the templates of one language see; documented in policies/notices/README.md. */
    Map<String, Object> variables(String language) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("subject", subject);
        v.put("date", NoticeDate.in(language, sent));
        v.put("blocked", !blockedRecipients.isEmpty());
        v.put("blockedRecipients", blockedRecipients);
        v.put("held", !heldRecipients.isEmpty());
        v.put("heldRecipients", heldRecipients);
        v.put("warned", !warnedRecipients.isEmpty());
        v.put("warnedRecipients", warnedRecipients);
        List<Map<String, Object>> partVariables = new ArrayList<>();
        for (Part part : parts) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", part.name());
            p.put("records", part.records());
            p.put("personalData", part.personalData() || part.specialCategory());
            p.put("specialCategory", part.specialCategory());
            p.put("weak", !part.weakScheme().isEmpty());
            p.put("scheme", SchemeWords.in(language, part.weakScheme()));
            p.put("ownerOnly", part.ownerOnly());
            NameOnly nameOnly = NameOnly.of(part).orElse(null);
            p.put("defaultPassword", nameOnly == NameOnly.DEFAULT_PASSWORD);
            p.put("zipCrypto", nameOnly == NameOnly.ZIP_CRYPTO);
            p.put("brokenCipher", nameOnly == NameOnly.BROKEN_CIPHER);
            p.put("disguised", part.disguised());
            p.put("notInspected", part.notInspected());
            p.put("evidence", EvidenceWords.in(language, part));
            partVariables.add(p);
        }
        v.put("parts", partVariables);
        v.put("personalData", parts.stream().anyMatch(p -> p.personalData() || p.specialCategory()));
        v.put("specialCategory", parts.stream().anyMatch(Part::specialCategory));
        v.put("nameOnly", parts.stream().anyMatch(p -> NameOnly.of(p).isPresent()));
        v.put("password", !passwordEvidence.isEmpty());
        v.put("passwordEvidence", PlaceWords.in(language, passwordEvidence));
        v.put("passwordForEarlier", passwordForEarlier == null ? false : Map.of("file", passwordForEarlier.file(),
                "sentOn", NoticeDate.in(language, passwordForEarlier.sentOn()), "opens", passwordForEarlier.opens()));
        v.put("anyPassword", !passwordEvidence.isEmpty() || passwordForEarlier != null);
        v.put("secureTag", secureTag);
        v.put("secureTagAvailable", !secureTag.isEmpty());
        v.put("reportLink", reportLink);
        return v;
    }
}
