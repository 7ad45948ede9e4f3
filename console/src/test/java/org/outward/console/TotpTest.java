package org.outward.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.bouncycastle.util.encoders.Base32;
import org.junit.jupiter.api.Test;

/** TOTP against RFC 6238's own test vectors (SHA-1 key "12345678901234567890", last six digits). */
class TotpTest {

    private static final String RFC_SECRET = Base32.toBase32String("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

    @Test
    void codesAreThoseOfRfc6238() {
        assertThat(Totp.code(RFC_SECRET, Instant.ofEpochSecond(59))).isEqualTo("287082");
        assertThat(Totp.code(RFC_SECRET, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
        assertThat(Totp.code(RFC_SECRET, Instant.ofEpochSecond(1234567890))).isEqualTo("005924");
        assertThat(Totp.code(RFC_SECRET, Instant.ofEpochSecond(2000000000))).isEqualTo("279037");
    }

    @Test
    void aCodeOfTheStepBeforeOrAfterIsAcceptedAndNoOther() {
        Instant now = Instant.ofEpochSecond(1234567890);
        long step = now.getEpochSecond() / 30;
        assertThat(Totp.step(RFC_SECRET, Totp.code(RFC_SECRET, now), now)).hasValue(step);
        assertThat(Totp.step(RFC_SECRET, Totp.code(RFC_SECRET, now.minusSeconds(30)), now)).hasValue(step - 1);
        assertThat(Totp.step(RFC_SECRET, Totp.code(RFC_SECRET, now.plusSeconds(30)), now)).hasValue(step + 1);
        assertThat(Totp.step(RFC_SECRET, Totp.code(RFC_SECRET, now.minusSeconds(90)), now)).isEmpty();
        assertThat(Totp.step(RFC_SECRET, "12345", now)).isEmpty();
        assertThat(Totp.step(RFC_SECRET, null, now)).isEmpty();
    }

    @Test
    void aNewSecretWorksInTheUriAnAppReads() {
        String secret = Totp.newSecret();
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(Totp.uri("Outward", "dpo@party", secret))
                .isEqualTo("otpauth://totp/Outward:dpo%40party?secret=" + secret
                        + "&issuer=Outward&algorithm=SHA1&digits=6&period=30");
    }
}
