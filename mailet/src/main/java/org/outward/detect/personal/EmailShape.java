package org.outward.detect.personal;

/**
 * The e-mail address's shape read by hand, and its rules: a bounded local part and a domain with a
 * real-looking top-level label. The e-mail declaration uses them.
 */
public final class EmailShape {

    /**
     * The declaration's shape read by hand, line by line (every mail has addresses in its signature and
     * quoted headers). RecognisersTest compares it with the regex.
     */
    public static final HandReading READING = new HandReading() {
        @Override
        public long firstMatch(String text, int from, int to) {
            return EmailShape.firstMatch(text, from, to);
        }
    };

    /** The pattern's bounds: local part, labels after the first, characters of a label, top-level label. */
    private static final int MAX_LOCAL = 64;
    private static final int MAX_LABELS = 6;
    private static final int MAX_LABEL = 62;
    private static final int MAX_TOP_LEVEL = 24;

    private EmailShape() {
    }

    /**
     * The pattern read by hand, as {@code find()} over [from, to) with what lies around seen as it is. Each
     * piece has few ways to match, tried in the regex's order: the local part is the run of its characters
     * before an '@' (the '@' is none of them), started at its first letter or digit that begins a word no more
     * than 64 characters back; each domain label is the whole run of label characters before a dot; the
     * top-level label is the whole run of letters after the last of up to six labels that leaves one, else after
     * one label fewer, and must end a word. The '@' of a match holds the only choices, so a match is looked for
     * at each '@' in turn.
     */
    static long firstMatch(String text, int from, int to) {
        for (int at = text.indexOf('@', from); at >= 0 && at < to; at = text.indexOf('@', at + 1)) {
            int start = localStart(text, from, at);
            if (start < 0) {
                continue;
            }
            int end = domainEnd(text, at + 1, to);
            if (end >= 0) {
                return ((long) start << 32) | end;
            }
        }
        return -1;
    }

    /** The first place in [from, at) where {@code \b[A-Za-z0-9][local]{0,63}} reaches the '@' at; -1 if none. */
    private static int localStart(String text, int from, int at) {
        int run = at;
        while (run > from && isLocal(text.charAt(run - 1))) {
            run--;
        }
        for (int p = Math.max(run, at - MAX_LOCAL); p < at; p++) {
            if (isAsciiLetterOrDigit(text.charAt(p)) && !WordBoundary.wordBefore(text, p)) {
                return p;
            }
        }
        return -1;
    }

    /** Where the domain from d, within [d, to), ends; -1 when none is there. */
    private static int domainEnd(String text, int d, int to) {
        if (d >= to || !isAsciiLetterOrDigit(text.charAt(d))) {
            return -1;
        }
        // Where each label after the first dot begins: label characters (at most 62 after d's own), then a dot.
        int[] after = new int[MAX_LABELS];
        int labels = 0;
        int q = d + 1;
        while (labels < MAX_LABELS) {
            int r = q;
            while (r < to && isLabel(text.charAt(r))) {
                r++;
            }
            if (r - q > MAX_LABEL || r >= to || text.charAt(r) != '.') {
                break;
            }
            q = r + 1;
            after[labels++] = q;
        }
        for (int k = labels; k >= 1; k--) {
            int end = topLevelEnd(text, after[k - 1], to);
            if (end >= 0) {
                return end;
            }
        }
        return -1;
    }

    /** The end of {@code [A-Za-z]{2,24}\b} at q within [q, to): the whole run of letters, ending a word. */
    private static int topLevelEnd(String text, int q, int to) {
        int e = q;
        while (e < to && isAsciiLetter(text.charAt(e))) {
            e++;
        }
        int length = e - q;
        return length >= 2 && length <= MAX_TOP_LEVEL && !WordBoundary.wordGoesOn(text, e) ? e : -1;
    }

    private static boolean isLocal(char ch) {
        return isAsciiLetterOrDigit(ch) || ch == '.' || ch == '_' || ch == '%' || ch == '+' || ch == '\'' || ch == '-';
    }

    private static boolean isLabel(char ch) {
        return isAsciiLetterOrDigit(ch) || ch == '-';
    }

    private static boolean isAsciiLetter(char ch) {
        return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z');
    }

    private static boolean isAsciiLetterOrDigit(char ch) {
        return isAsciiLetter(ch) || (ch >= '0' && ch <= '9');
    }

    /** The local part has no empty label between dots, and no domain label begins or ends with a dash. */
    public static boolean valid(String candidate) {
        int at = candidate.indexOf('@');
        String local = candidate.substring(0, at);
        String domain = candidate.substring(at + 1);
        return !local.contains("..") && !local.endsWith(".") && !domain.contains("-.") && !domain.contains(".-");
    }
}
