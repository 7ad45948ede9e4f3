package org.outward.vault;

import java.util.Base64;
import java.util.Optional;

/** URL-safe Base64 without padding, strict about length, for the tokens that travel in links. */
public final class TokenCodec {

    private TokenCodec() {
    }

    public static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static Optional<byte[]> decode(String text, int expectedLength) {
        if (text == null || text.length() > 200) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(text);
            return bytes.length == expectedLength ? Optional.of(bytes) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
