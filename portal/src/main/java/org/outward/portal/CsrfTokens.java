package org.outward.portal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Form tokens bound to a per-browser cookie: the field is an HMAC of the cookie under a key only the portal
 * knows ({@link PortalState#csrfKey()}: random per process for one node, shared by several), so another site can
 * neither read nor forge it (and SameSite=Strict keeps the cookie home).
 */
public final class CsrfTokens {

    private final SecureRandom random = new SecureRandom();
    private final byte[] key;

    public CsrfTokens(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("a CSRF key has at least 32 bytes");
        }
        this.key = key.clone();
    }

    public String newCookieValue() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public String formToken(String cookieValue) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(cookieValue.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean valid(String cookieValue, String field) {
        if (cookieValue == null || field == null || cookieValue.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(formToken(cookieValue).getBytes(StandardCharsets.US_ASCII),
                field.getBytes(StandardCharsets.US_ASCII));
    }
}
