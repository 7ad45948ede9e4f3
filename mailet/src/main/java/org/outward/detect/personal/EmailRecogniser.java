package org.outward.detect.personal;

import java.util.List;
import java.util.regex.Pattern;

/** E-mail addresses: a bounded local part and a domain with a real-looking top-level label. */
final class EmailRecogniser extends PatternRecogniser {

    // Bounded quantifiers and disjoint classes on either side of '@' keep this linear on long text.
    static final Pattern SHAPE = Pattern.compile(
            "\\b[A-Za-z0-9][A-Za-z0-9._%+'-]{0,63}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}\\.){1,6}[A-Za-z]{2,24}\\b");

    EmailRecogniser() {
        super(DataKind.EMAIL, SHAPE, List.of(), false, 0, 0.8);
    }

    @Override
    char trigger() {
        return '@';
    }

    /** A local part holds only its own characters: a value with the '@' at {@code at} starts in their run. */
    @Override
    int earliestStart(String text, int at, int from) {
        int start = at;
        while (start > from && isLocal(text.charAt(start - 1))) {
            start--;
        }
        return start;
    }

    private static boolean isLocal(char ch) {
        return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')
                || ch == '.' || ch == '_' || ch == '%' || ch == '+' || ch == '\'' || ch == '-';
    }

    @Override
    boolean validate(String candidate) {
        int at = candidate.indexOf('@');
        String local = candidate.substring(0, at);
        String domain = candidate.substring(at + 1);
        return !local.contains("..") && !local.endsWith(".") && !domain.contains("-.") && !domain.contains(".-");
    }
}
