package org.outward.policy;

import java.util.List;

/**
 * What a personal or special category data fact found, kept in parts so that a notice can say it in its own
 * language instead of repeating the English evidence sentence.
 *
 * @param outsideEncryption the people were read from what an encrypted file carries in the clear
 * @param categories        for special category data, the categories seen ({@code political-opinion}, ...), sorted
 * @param examples          redacted examples only, e.g. {@code J*** S****, LA9 4**}
 */
public record PeopleEvidence(boolean outsideEncryption, List<String> categories, List<String> examples) {

    /** For facts that are not about people. */
    public static final PeopleEvidence NONE = new PeopleEvidence(false, List.of(), List.of());

    public PeopleEvidence {
        categories = categories.stream().sorted().toList();
        examples = List.copyOf(examples);
    }
}
