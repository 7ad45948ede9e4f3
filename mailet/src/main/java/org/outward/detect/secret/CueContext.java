package org.outward.detect.secret;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Adjusts a finding's confidence by the words around it, as Presidio's context enhancer does.
 *
 * <p>Context words of the recogniser (a zip, an attachment, a login) on the line or the lines next to it
 * raise confidence a little. Words that mark an example lower it a lot: password policies and training
 * ("avoid passwords such as: Summer2024", "e.g. password: Bluebell1") quote passwords nobody uses; a word
 * inside an address ("sam@party.example", "example.org/help") is not such a mark.
 * Online-meeting invitations lower it as much: Zoom and Teams put a meeting passcode under the meeting ID
 * by design, and such invitations are meant to be mailed; they are neither a file's password nor a login.
 */
final class CueContext {

    static final double CONTEXT_BOOST = 0.05;
    static final double EXAMPLE_PENALTY = 0.45;

    private static final Pattern EXAMPLE = Pattern.compile(
            "(?iu)(?<![.@/-])\\b(?:e\\.g\\.|eg|for example|for instance|such as|example|examples|avoid|never use|don't use|"
                    + "don’t use|do not use|weak passwords?|bad passwords?|easy to guess|guessable|passwords like|"
                    + "er enghraifft|e\\.e\\.|megis|osgoi|peidiwch (?:â|a|ag) (?:defnyddio|ddefnyddio)|cyfrineiriau gwan)(?![\\w]|\\.\\p{L})");

    private static final Pattern MEETING = Pattern.compile(
            "(?iu)meeting id|zoom\\.us|join zoom|teams meeting|microsoft teams|webinar|dial[- ]in|conference id"
                    + "|id y cyfarfod|id cyfarfod|ymuno â'r cyfarfod");
    private static final int MEETING_LINES_BEFORE = 4;

    private CueContext() {
    }

    static double adjust(CueRecogniser recogniser, String[] lines, int index) {
        return adjust(recogniser.contextWords(), lines, index);
    }

    static double adjust(List<String> contextWords, String[] lines, int index) {
        String line = lines[index].toLowerCase(Locale.ROOT);
        String around = (index > 0 ? lines[index - 1] : "") + "\n" + line + "\n"
                + (index + 1 < lines.length ? lines[index + 1] : "");
        around = around.toLowerCase(Locale.ROOT);
        double adjustment = 0;
        if (containsAny(around, contextWords)) {
            adjustment += CONTEXT_BOOST;
        }
        String before = index > 0 ? lines[index - 1] + "\n" + line : line;
        if (EXAMPLE.matcher(before).find()) {
            adjustment -= EXAMPLE_PENALTY;
        }
        StringBuilder invitation = new StringBuilder();
        for (int j = Math.max(0, index - MEETING_LINES_BEFORE); j <= Math.min(lines.length - 1, index + 1); j++) {
            invitation.append(lines[j]).append('\n');
        }
        if (MEETING.matcher(invitation).find()) {
            adjustment -= EXAMPLE_PENALTY;
        }
        return adjustment;
    }

    private static boolean containsAny(String text, List<String> words) {
        for (String word : words) {
            if (text.contains(word)) {
                return true;
            }
        }
        return false;
    }
}
