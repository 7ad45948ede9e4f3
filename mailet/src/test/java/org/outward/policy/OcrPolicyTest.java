package org.outward.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.outward.inspect.OcrSettings;

/** The policy's {@code ocr} section: what it turns on, and every value {@code policy check} refuses, with where. */
class OcrPolicyTest {

    private static final String RULES = "rules: [{id: r, when: {finding: personal-data}, action: block}]\n";

    @Test
    void withoutTheSectionOcrIsOff() throws Exception {
        assertThat(PolicyLoader.parse("version: 1\n" + RULES, "p.yaml").limits().ocr().enabled()).isFalse();
    }

    @Test
    void theSectionSetsLanguagesPixelsAndTime() throws Exception {
        String policy = """
                version: 1
                ocr: {enabled: true, languages: eng+cym, max-pixels: 25000000, time-per-image: 15s}
                """ + RULES;
        OcrSettings ocr = PolicyLoader.parse(policy, "p.yaml").limits().ocr();
        assertThat(ocr).isEqualTo(new OcrSettings(true, "eng+cym", 25_000_000, Duration.ofSeconds(15)));
    }

    @Test
    void theImageScreensShortestListIsThePolicysSmallestList() throws Exception {
        String ocr = "version: 1\nocr: {enabled: true}\n";
        assertThat(PolicyLoader.parse(ocr + RULES, "p.yaml").limits().ocr().minListRecords()).isEqualTo(5);
        assertThat(PolicyLoader.parse(ocr + "detection: {personal-data: {min-records: 8}}\n" + RULES, "p.yaml")
                .limits().ocr().minListRecords()).isEqualTo(8);
        assertThat(PolicyLoader.parse(ocr + "rules: [{id: r, when: {finding: personal-data}, action: block},"
                + " {id: s, when: {finding: personal-data, min-records: 3}, action: quarantine}]\n", "p.yaml")
                .limits().ocr().minListRecords()).isEqualTo(3);
    }

    @Test
    void theDefaultPolicyReadsImagesInEnglishAndWelsh() throws Exception {
        OcrSettings ocr = PolicyLoader.parse(new String(PolicyLoader.class.getResourceAsStream(
                "/org/outward/policies/default-policy.yaml").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8),
                "default-policy.yaml").limits().ocr();
        assertThat(ocr.enabled()).isTrue();
        assertThat(ocr.languages()).isEqualTo("eng+cym");
    }

    @Test
    void anUnknownLanguageIsToldWhere() {
        assertProblem("ocr: {enabled: true, languages: eng+welsh}",
                "2:33 ocr.languages: 'welsh' is not a Tesseract language; use codes such as eng, cym, gla, gle");
    }

    @Test
    void absurdLimitsAreToldWhere() {
        assertProblem("ocr: {enabled: true, max-pixels: 100}",
                "2:34 ocr.max-pixels must be between 100000 and 250000000, not 100");
        assertProblem("ocr: {enabled: true, time-per-image: 2h}",
                "2:38 ocr.time-per-image must be between 1s and 10m, not 2h");
    }

    @Test
    void anImageNeverTakesLongerThanItsPart() throws Exception {
        String policy = """
                version: 1
                limits: {time-per-part: 10s}
                ocr: {enabled: true, time-per-image: 20s}
                """ + RULES;
        assertThat(PolicyLoader.parse(policy, "p.yaml").limits().ocr().timePerImage()).isEqualTo(Duration.ofSeconds(10));
    }

    private static void assertProblem(String section, String problem) {
        assertThatThrownBy(() -> PolicyLoader.parse("version: 1\n" + section + "\n" + RULES, "p.yaml"))
                .isInstanceOfSatisfying(InvalidPolicyException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.line() + ":" + p.column() + " " + p.message())
                        .containsExactly(problem));
    }
}
