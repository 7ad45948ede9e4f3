package org.outward.detect.secret;

/**
 * Turns a secret into a form the sender recognises but nobody can use: {@code Password: T*****-******-**}.
 *
 * <p>Letters and digits become {@code *}; spaces, dashes, dots and underscores stay, because they show the
 * shape the sender typed. The first character stays only for secrets of eight or more characters: in a
 * four-digit PIN one digit is a quarter of the secret. Lengths above 24 are bucketed, since a long
 * passphrase's exact length adds nothing for the sender.
 */
public final class Redaction {

    private static final int MAX_SHOWN = 24;

    private Redaction() {
    }

    /** The redacted secret, prefixed with the cue's label. */
    public static String of(String label, String secret) {
        return label + ": " + mask(secret);
    }

    /** The secret masked, without a label. */
    public static String mask(String secret) {
        int length = secret.codePointCount(0, secret.length());
        StringBuilder masked = new StringBuilder();
        int[] points = secret.codePoints().limit(MAX_SHOWN).toArray();
        for (int i = 0; i < points.length; i++) {
            int c = points[i];
            if (i == 0 && length >= 8 && !Character.isWhitespace(c)) {
                masked.appendCodePoint(c);
            } else if (c == ' ' || c == '-' || c == '.' || c == '_') {
                masked.appendCodePoint(c);
            } else {
                masked.append('*');
            }
        }
        if (length > MAX_SHOWN) {
            masked.append("... (more than ").append(MAX_SHOWN).append(" characters)");
        }
        return masked.toString();
    }
}
