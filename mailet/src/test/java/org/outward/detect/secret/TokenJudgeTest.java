package org.outward.detect.secret;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenJudgeTest {

    private final TokenJudge judge = new TokenJudge(CommonWords.standard());

    @ParameterizedTest
    @ValueSource(strings = {"Tr0ub4dor&3", "Kettle-Orchard-42", "4821", "839201", "kettle88", "Cwtch#2026",
            "lantern orchard velvet mountain", "Bluebell-Harbour", "Hiraeth", "x7Kd#pq92Lm", "heron-copper-meadow"})
    void plausibleSecrets(String token) {
        assertThat(judge.judge(token).plausible()).as(token).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"separately", "Separately", "incorrect", "below", "I'll", "I’ll", "one-time",
            "password-protected", "case-sensitive", "<password>", "[redacted]", "xxxxxx", "********", "aaaa",
            "jane@party.example", "https://vault.party.example/x", "abc", "12", "WhatsApp", "7-Zip", "Excel",
            "anghywir", "wahân", "yw'r", "sent", "generated", "changing", "protected", "the same as last time",
            "end-to-end"})
    void notSecrets(String token) {
        assertThat(judge.judge(token).plausible()).as(token).isFalse();
    }

    /** Letters only, but not a word: what password tools print with digits and symbols turned off. */
    @ParameterizedTest
    @ValueSource(strings = {"GeEXeYqanlQPA", "psupxsUmBMJvcx", "HyxIrCSssNyY", "gHcyjagYlmkjm", "jKILTJUCAJVh",
            "zbhvjwqexbs", "tjnhpsspcy"})
    void generatedLetterRunsAreMoreThanAWord(String token) {
        assertThat(TokenJudge.isMoreThanAWord(token)).as(token).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Kettle", "PowerPoint", "OneDriveSync", "LibreOffice", "WhatsApp", "UNISON", "McDonald",
            "separately", "Llandrindod", "Pwllheli", "Brynmawr", "Cwmbrân", "rhythms", "paperwork"})
    void wordsAndBrandNamesAreNot(String token) {
        assertThat(TokenJudge.isMoreThanAWord(token)).as(token).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Tr0ub4dor&3", "x7Kd#pq92Lm"})
    void strongTokensRaiseConfidence(String token) {
        assertThat(judge.judge(token).adjustment()).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Hiraeth", "bluebell"})
    void aSinglePlainWordLowersConfidence(String token) {
        assertThat(judge.judge(token).adjustment()).isNegative();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Tr0ub4dor&3", "kettle88", "4821"})
    void verdictsNeverCarryTheToken(String token) {
        assertThat(judge.judge(token).toString()).doesNotContain(token);
    }
}
