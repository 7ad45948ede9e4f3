package org.outward.notice;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Says what was found in a list of people (how many records, which kinds of data or special categories, whether
 * it was readable outside the encryption) in a notice's language, from the finding's parts, so that a Welsh
 * notice has no English evidence sentence in it. The redacted examples are shown as they are.
 */
final class EvidenceWords {

    /**
     * Welsh for the built-in kinds (the identifier declarations' among them) and special categories; an identifier
     * declared in a policy keeps the admin's own name. {@code WelshNoticeWordsTest} fails for a built-in kind
     * missing here.
     */
    private static final Map<String, String> WELSH = Map.ofEntries(
            Map.entry("person-name", "enw person"),
            Map.entry("street-address", "cyfeiriad stryd"),
            Map.entry("postcode", "cod post"),
            Map.entry("phone", "rhif ffôn"),
            Map.entry("email", "cyfeiriad e-bost"),
            Map.entry("date-of-birth", "dyddiad geni"),
            Map.entry("national-insurance-number", "rhif Yswiriant Gwladol"),
            Map.entry("nhs-number", "rhif GIG"),
            Map.entry("elector-number", "rhif etholwr"),
            Map.entry("absent-voter-status", "statws pleidleisiwr absennol"),
            Map.entry("membership-number", "rhif aelodaeth"),
            Map.entry("voter-authority-certificate", "tystysgrif awdurdod pleidleisiwr"),
            Map.entry("bank-account", "cyfrif banc"),
            Map.entry("payment-card", "cerdyn talu"),
            Map.entry("political-opinion", "barn wleidyddol"),
            Map.entry("health", "iechyd"),
            Map.entry("ethnicity", "tarddiad ethnig"),
            Map.entry("religion", "crefydd"),
            Map.entry("trade-union-membership", "aelodaeth undeb llafur"));

    private EvidenceWords() {
    }

    /** The evidence of one part in {@code cy} or {@code en}; empty when the part holds no list of people. */
    static String in(String language, NoticeFacts.Part part) {
        if (!part.personalData() && !part.specialCategory()) {
            return "";
        }
        boolean welsh = "cy".equals(language);
        StringBuilder words = new StringBuilder();
        if (part.people().outsideEncryption()) {
            words.append(welsh ? "i'w darllen heb y cyfrinair: " : "readable without the password: ");
        }
        int records = part.records();
        // Welsh counts with the singular noun: 1 cofnod, 6 cofnod.
        words.append(records).append(welsh ? " cofnod" : records == 1 ? " record" : " records");
        if (part.specialCategory()) {
            words.append(welsh ? " gyda " : " with ").append(named(part.people().categories(), welsh));
        } else if (!part.dataKinds().isEmpty()) {
            words.append(": ").append(named(part.dataKinds(), welsh));
        }
        if (!part.people().examples().isEmpty()) {
            words.append(welsh ? " (e.e. " : " (e.g. ").append(String.join("; ", part.people().examples())).append(')');
        }
        return words.toString();
    }

    private static String named(List<String> words, boolean welsh) {
        return words.stream().map(w -> welsh && WELSH.containsKey(w) ? WELSH.get(w) : w.replace('-', ' '))
                .collect(Collectors.joining(", "));
    }
}
