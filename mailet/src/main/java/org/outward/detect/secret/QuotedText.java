package org.outward.detect.secret;

import java.util.regex.Pattern;

/**
 * Finds the quoted part of a reply or forward in a body, so a finding can say "quoted text" rather than
 * blame the sender's new words.
 *
 * <p>Recognised: lines starting with {@code >}; and everything from a client's quote header on: Gmail and
 * Apple Mail's "On ... wrote:" (also split over two lines, and Welsh "Ar ... ysgrifennodd ...:"), Outlook's
 * "-----Original Message-----" and its "From: ... / Sent: ..." block (Welsh "Oddi wrth: / Anfonwyd:"), and
 * forwarded-message markers. A quoted secret is still a secret sent by email; it is reported, just placed.
 */
public final class QuotedText {

    private static final Pattern ANGLE = Pattern.compile("^\\s*>");
    private static final Pattern WROTE = Pattern.compile(
            "^\\s*(?:On\\s.{4,200}\\swrote:|Ar\\s.{4,200}\\sysgrifennodd.{0,120}:)\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern ON_START = Pattern.compile("^\\s*(?:On|Ar)\\s.{4,200}$");
    private static final Pattern WROTE_END = Pattern.compile("^.{0,200}(?:wrote|ysgrifennodd.{0,120}):\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SEPARATOR = Pattern.compile(
            "^\\s*(?:-{2,}\\s*(?:Original Message|Forwarded message|Neges wreiddiol|Neges a anfonwyd ymlaen)\\s*-{2,}"
                    + "|Begin forwarded message:|_{10,})\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern FROM = Pattern.compile("^\\s*\\*?(?:From|Oddi wrth|Gan)\\s*:\\*?\\s.+",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SENT = Pattern.compile("^\\s*\\*?(?:Sent|Date|Anfonwyd|Dyddiad)\\s*:\\*?\\s.+",
            Pattern.CASE_INSENSITIVE);

    private QuotedText() {
    }

    /** For each line, whether it is quoted text. */
    public static boolean[] mark(String[] lines) {
        boolean[] quoted = new boolean[lines.length];
        int blockStart = -1;
        for (int i = 0; i < lines.length && blockStart < 0; i++) {
            if (startsQuoteBlock(lines, i)) {
                blockStart = i;
            }
        }
        for (int i = 0; i < lines.length; i++) {
            quoted[i] = (blockStart >= 0 && i >= blockStart) || ANGLE.matcher(lines[i]).find();
        }
        return quoted;
    }

    private static boolean startsQuoteBlock(String[] lines, int i) {
        String line = lines[i];
        if (WROTE.matcher(line).matches() || SEPARATOR.matcher(line).matches()) {
            return true;
        }
        if (i + 1 < lines.length && ON_START.matcher(line).matches() && WROTE_END.matcher(lines[i + 1]).matches()) {
            return true;
        }
        if (FROM.matcher(line).matches()) {
            for (int j = i + 1; j < Math.min(lines.length, i + 4); j++) {
                if (SENT.matcher(lines[j]).matches()) {
                    return true;
                }
            }
        }
        return false;
    }
}
