package org.outward.submission;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The words of the portal's one-time code mail, in both languages with the recipient's choice first, and the
 * gateway's test that a text is one of them. The portal writes with it and the gateway recognises with it, so
 * the one kind of portal mail that goes out unjudged can carry nothing but a code and a number of minutes: a
 * text with anything else in it, or anything more, is judged.
 */
public final class CodeMailText {

    /** How many digits a one-time code has. */
    public static final int CODE_DIGITS = 8;

    private static final String CODE = "\u0000code\u0000";
    private static final String MINUTES = "\u0000minutes\u0000";
    private static final String ENGLISH = "Your one-time code is " + CODE + "\n\n"
            + "Enter it on the secure file page. It works once, for " + MINUTES + " minutes.\n"
            + "Do not share it. If you did not ask for a code, you can ignore this message.\n";
    private static final String WELSH = "Eich cod untro yw " + CODE + "\n\n"
            + "Rhowch ef ar dudalen y ffeil ddiogel. Mae'n gweithio unwaith yn unig, am " + MINUTES + " munud.\n"
            + "Peidiwch â'i rannu. Os na wnaethoch chi ofyn am god, gallwch anwybyddu'r neges hon.\n";
    private static final String RULE = "\n----\n\n";
    private static final String SUBJECT_EN = "Your one-time code / Eich cod untro";
    private static final String SUBJECT_CY = "Eich cod untro / Your one-time code";

    private static final List<Pattern> BODIES = List.of(shape(ENGLISH + RULE + WELSH), shape(WELSH + RULE + ENGLISH));

    private CodeMailText() {
    }

    /** The subject, in the recipient's language ({@code en} or {@code cy}) first. */
    public static String subject(String language) {
        return "cy".equals(language) ? SUBJECT_CY : SUBJECT_EN;
    }

    /** The text, in the recipient's language first. */
    public static String body(String language, String code, long minutes) {
        if (code.length() != CODE_DIGITS || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("a one-time code has " + CODE_DIGITS + " digits");
        }
        String english = ENGLISH.replace(CODE, code).replace(MINUTES, Long.toString(minutes));
        String welsh = WELSH.replace(CODE, code).replace(MINUTES, Long.toString(minutes));
        return "cy".equals(language) ? welsh + RULE + english : english + RULE + welsh;
    }

    /**
     * Whether a subject and a decoded plain text are a code mail as {@link #subject} and {@link #body} write them.
     * Line ends may have become CRLF on the way, and SMTP may have taken the final line end.
     */
    public static boolean isCodeMail(String subject, String text) {
        if (subject == null || text == null || !(SUBJECT_EN.equals(subject) || SUBJECT_CY.equals(subject))) {
            return false;
        }
        String normalised = text.replace("\r\n", "\n").stripTrailing();
        return BODIES.stream().anyMatch(body -> body.matcher(normalised).matches());
    }

    /** The template as a pattern: the words literally, a code of exactly its digits, minutes as a small number. */
    private static Pattern shape(String template) {
        StringBuilder regex = new StringBuilder();
        String[] pieces = template.stripTrailing().split("\u0000", -1);
        // The placeholders are wrapped in NULs, so every odd piece is a placeholder's name.
        for (int i = 0; i < pieces.length; i++) {
            if (i % 2 == 0) {
                regex.append(Pattern.quote(pieces[i]));
            } else if (pieces[i].equals("code")) {
                regex.append("[0-9]{").append(CODE_DIGITS).append('}');
            } else {
                regex.append("[0-9]{1,4}");
            }
        }
        return Pattern.compile(regex.toString());
    }
}
