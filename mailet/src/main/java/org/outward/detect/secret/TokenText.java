package org.outward.detect.secret;

/** Cleans the raw text a cue captured into the token the sender meant: no quotes, no sentence punctuation. */
final class TokenText {

    private static final String OPENERS = "\"'“‘([<{";
    private static final String CLOSERS = "\"'”’)]>}";

    private TokenText() {
    }

    static String clean(String raw) {
        String token = raw.strip();
        if (token.length() >= 2 && isQuote(token.charAt(0)) && isQuote(token.charAt(token.length() - 1))) {
            return token.substring(1, token.length() - 1).strip();
        }
        // A leading bracket is kept: "<password>" and "[redacted]" are placeholders the judge rejects.
        if (!token.isEmpty() && (token.charAt(0) == '"' || token.charAt(0) == '\'' || token.charAt(0) == '“'
                || token.charAt(0) == '‘' || token.charAt(0) == '(')) {
            token = token.substring(1);
        }
        int end = token.length();
        while (end > 0 && (".,;:".indexOf(token.charAt(end - 1)) >= 0 || CLOSERS.indexOf(token.charAt(end - 1)) >= 0)) {
            end--;
        }
        token = token.substring(0, end);
        // "incorrect!" ends a sentence; "Summer2024!" is a password that ends with a symbol.
        if (token.length() > 1 && "!?".indexOf(token.charAt(token.length() - 1)) >= 0
                && token.substring(0, token.length() - 1).chars().allMatch(Character::isLetter)) {
            token = token.substring(0, token.length() - 1);
        }
        return token;
    }

    private static boolean isQuote(char c) {
        return OPENERS.indexOf(c) >= 0 && OPENERS.indexOf(c) < 4 || CLOSERS.indexOf(c) >= 0 && CLOSERS.indexOf(c) < 4;
    }
}
