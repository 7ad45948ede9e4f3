package org.outward.console;

import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;

import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.util.encoders.Base32;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;

/**
 * Second factor by RFC 6238 (java-otp): six digits, 30-second steps, HMAC-SHA1, as every authenticator app
 * takes them. A code of the step before or after is accepted too (clocks drift); {@link #step} says which step a
 * code belongs to, so that the sign-in can refuse a code that was already used.
 */
public final class Totp {

    static final Duration STEP = Duration.ofSeconds(30);
    private static final int SECRET_BYTES = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Totp() {
    }

    /** A new random secret, in Base32 without padding. */
    public static String newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return Base32.toBase32String(secret).replace("=", "");
    }

    /** The URI an authenticator app reads from a QR code or a paste. */
    public static String uri(String issuer, String account, String secret) {
        String label = encode(issuer) + ":" + encode(account);
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=6&period=" + STEP.toSeconds();
    }

    /** The code for this secret at this time. */
    public static String code(String secret, Instant at) {
        try {
            TimeBasedOneTimePasswordGenerator generator = new TimeBasedOneTimePasswordGenerator(STEP);
            return String.format(Locale.ROOT, "%06d", generator.generateOneTimePassword(key(secret), at));
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("not a usable TOTP secret");
        }
    }

    /** The time step (counter) this code is valid for, within one step of now; empty when it is none of them. */
    public static OptionalLong step(String secret, String code, Instant now) {
        if (code == null || !code.matches("\\d{6}")) {
            return OptionalLong.empty();
        }
        long current = now.getEpochSecond() / STEP.toSeconds();
        for (long step = current - 1; step <= current + 1; step++) {
            if (java.security.MessageDigest.isEqual(code(secret, Instant.ofEpochSecond(step * STEP.toSeconds())).getBytes(),
                    code.getBytes())) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    private static SecretKeySpec key(String secret) {
        String padded = secret.toUpperCase(Locale.ROOT);
        while (padded.length() % 8 != 0) {
            padded += "=";
        }
        return new SecretKeySpec(Base32.decode(padded), "HmacSHA1");
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
