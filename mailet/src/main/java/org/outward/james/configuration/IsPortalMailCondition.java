package org.outward.james.configuration;

import javax.mail.MessagingException;

/**
 * The {@code IsPortalMail} matcher's condition.
 *
 * @param maxBytes the largest message, in bytes, that counts as the portal's
 */
public record IsPortalMailCondition(long maxBytes) {

    public static final int DEFAULT_MAX_BYTES = 16 * 1024;

    /** Empty for {@value #DEFAULT_MAX_BYTES}; otherwise a positive number of bytes. */
    public static IsPortalMailCondition parse(String condition) throws MessagingException {
        String text = condition == null ? "" : condition.trim();
        long maxBytes;
        try {
            maxBytes = text.isEmpty() ? DEFAULT_MAX_BYTES : Long.parseLong(text);
        } catch (NumberFormatException e) {
            maxBytes = -1;
        }
        if (maxBytes < 1) {
            throw new MessagingException("IsPortalMail: the condition is the largest size in bytes, e.g. "
                    + "IsPortalMail=" + DEFAULT_MAX_BYTES);
        }
        return new IsPortalMailCondition(maxBytes);
    }
}
