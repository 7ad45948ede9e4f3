package org.outward.detect.personal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CheckDigitTest {

    @Test
    void luhnAcceptsPublishedTestCardsAndRejectsOneDigitChanged() {
        assertThat(CheckDigit.LUHN.test("4111 1111 1111 1111")).isTrue();
        assertThat(CheckDigit.LUHN.test("79927398713")).isTrue();
        assertThat(CheckDigit.LUHN.test("79927398712")).isFalse();
        assertThat(CheckDigit.LUHN.test("4111 1111 1111 1112")).isFalse();
    }

    @Test
    void mod11AcceptsTheNhsExampleAndNeverACheckOfTen() {
        assertThat(CheckDigit.MOD11.test("943 476 5919")).isTrue();
        assertThat(CheckDigit.MOD11.test("943 476 5918")).isFalse();
        // 1000000006: sum 10, 11 - 10 = 1, so ...1 is valid and nothing ending ...0/...6 is.
        assertThat(CheckDigit.MOD11.test("1000000001")).isTrue();
        assertThat(CheckDigit.MOD11.test("1000000006")).isFalse();
    }

    @Test
    void mod97AcceptsTheIbanExamplesWithLettersAndSpaces() {
        assertThat(CheckDigit.MOD97.test("GB82 WEST 1234 5698 7654 32")).isTrue();
        assertThat(CheckDigit.MOD97.test("GB82WEST12345698765433")).isFalse();
        assertThat(CheckDigit.MOD97.test("DE89 3704 0044 0532 0130 00")).isTrue();
    }

    @Test
    void tooShortCandidatesFailAndWordsRoundTrip() {
        assertThat(CheckDigit.LUHN.test("0")).isFalse();
        assertThat(CheckDigit.MOD11.test("")).isFalse();
        for (CheckDigit c : CheckDigit.values()) {
            assertThat(CheckDigit.named(c.word())).contains(c);
        }
        assertThat(CheckDigit.named("crc32")).isEmpty();
        assertThat(CheckDigit.words()).containsExactly("none", "luhn", "mod11", "mod97");
    }
}
