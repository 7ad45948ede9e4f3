package org.outward.detect.secret;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the password that follows a file: a password-like token in a short message with no cue at all, as
 * people send it minutes after an encrypted attachment ("Outward-fixture-1", "for the file I sent earlier:
 * Kq7!mzP4wR2x").
 *
 * <p>Without a cue, a token alone says little, so this finder is only asked about a message that goes to a
 * recipient who received an encrypted attachment from the same sender within the correlation window; the
 * correlator decides that. Even then, a token counts only when:
 * <ul>
 *   <li>the sender's own words (quoted reply text and the signature below {@code "-- "} left out) are few, at
 *       most {@value #MAX_WORDS} words; a long message is a conversation, not a hand-over;</li>
 *   <li>the token looks typed to open something: letters with digits or symbols, a passphrase of three or more
 *       joined words, never only digits (phone numbers, dates, amounts), never a handle, address or link;</li>
 *   <li>no identifier cue stands just before it ("Ref", "invoice", "order no.", "rhif"): reference numbers look
 *       like passwords but say what they are;</li>
 *   <li>and either it stands alone on its line, or the message speaks of the file, of sending it or of opening
 *       it ("the file I sent earlier", "that opens the zip", "ffeil", "agor").</li>
 * </ul>
 * Findings carry the token only redacted; {@link TokenFinding} holds the token itself so the correlator can
 * test it against the earlier file's own password check.
 */
public final class FollowUpTokens {

    /** More of the sender's own words than this and the message is not a bare hand-over of a password. */
    static final int MAX_WORDS = 30;
    static final int MIN_LENGTH = 8;
    static final String RECOGNISER = "follow-up";

    private static final double ALONE_CONFIDENCE = 0.8;
    private static final double REFERRED_CONFIDENCE = 0.75;

    /** Words that tie the message to the earlier file: the file itself, sending it, opening it. */
    private static final Pattern REFERS_TO_FILE = Pattern.compile("(?iu)(?<![\\p{L}])(?:"
            + "file|files|attachment|attached|attach|zip|archive|document|doc|spreadsheet|sheet|pdf|xlsx?|docx?|7z"
            + "|sent|send|sending|earlier|before|previous|last|"
            + "open|opens|opening|unlock|unlocks|decrypt|access|password|passcode|passphrase|pw|pwd|key|code"
            + "|ffeil|ffeiliau|atodiad|atodi|dogfen|taenlen|anfonais|anfonwyd|anfon|gynharach|cynt|agor|agorwch|datgloi"
            + "|cyfrinair|cod)(?![\\p{L}])");
    /** A cue that names the token as an identifier, not a secret, in the few words before it. */
    private static final Pattern IDENTIFIER_CUE = Pattern.compile("(?iu)(?<![\\p{L}])(?:"
            + "ref|reference|invoice|inv|order|ticket|booking|tracking|case|account|acct|id|no|number|num|serial"
            + "|membership|member|policy|claim|receipt|quote|item|sku|model|reg|registration|flight|table|room"
            + "|cyf|cyfeirnod|rhif|anfoneb|archeb|aelodaeth)(?![\\p{L}])[.:#]?\\s*$");
    /** A file name is what the sender attached or means to, not a secret: "Budget2024-v3.xlsx". */
    private static final Pattern FILE_NAME = Pattern.compile(
            "(?i).+\\.(docx?|xlsx?|xlsm|csv|pdf|zip|7z|rar|odt|ods|odp|pptx?|txt|rtf|jpe?g|png|gif|heic|eml|msg|html?)");
    private static final Pattern SIGNATURE_DELIMITER = Pattern.compile("^--\\s?$");
    private static final Pattern WORD = Pattern.compile("\\S+");
    private static final int CUE_REACH = 24;

    private final TokenJudge judge;

    public FollowUpTokens(TokenJudge judge) {
        this.judge = Objects.requireNonNull(judge, "judge");
    }

    /** The shipped word list. */
    public static FollowUpTokens withDefaults() {
        return new FollowUpTokens(new TokenJudge(CommonWords.standard()));
    }

    /** Password-like tokens in these sources, at most one finding per distinct token. */
    public List<TokenFinding> find(List<TextSource> sources) {
        List<TokenFinding> found = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (TextSource source : sources) {
            if (source.location() == Location.ATTACHMENT || source.location() == Location.QUOTED) {
                continue; // an attachment is read by the cue detector; quoted text was sent before
            }
            for (TokenFinding token : find(source)) {
                if (seen.add(token.token())) {
                    found.add(token);
                }
            }
        }
        return List.copyOf(found);
    }

    private List<TokenFinding> find(TextSource source) {
        String[] lines = source.text().split("\\r?\\n", -1);
        boolean[] own = ownLines(source, lines);
        int words = 0;
        boolean refersToFile = false;
        for (int i = 0; i < lines.length; i++) {
            if (own[i]) {
                words += (int) WORD.matcher(lines[i]).results().count();
                refersToFile |= REFERS_TO_FILE.matcher(lines[i]).find();
            }
        }
        if (words == 0 || words > MAX_WORDS) {
            return List.of();
        }
        List<TokenFinding> found = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (!own[i]) {
                continue;
            }
            var matcher = WORD.matcher(lines[i]);
            while (matcher.find()) {
                String token = TokenText.clean(matcher.group());
                boolean alone = lines[i].strip().equals(matcher.group());
                if ((!alone && !refersToFile) || !looksTyped(token) || identifierBefore(lines, i, matcher.start())) {
                    continue;
                }
                TokenVerdict verdict = judge.judge(token);
                if (!verdict.plausible()) {
                    continue;
                }
                double confidence = Math.min(1, (alone ? ALONE_CONFIDENCE : REFERRED_CONFIDENCE) + verdict.adjustment());
                Location location = source.location();
                found.add(new TokenFinding(new SecretFinding(location, source.partPath(), i + 1, RECOGNISER,
                        "Password", Redaction.of("Password", token), confidence), token));
            }
        }
        return found;
    }

    /** The sender's own lines: not quoted, not below the signature delimiter. */
    private static boolean[] ownLines(TextSource source, String[] lines) {
        boolean[] quoted = source.location() == Location.SUBJECT ? new boolean[lines.length] : QuotedText.mark(lines);
        boolean[] own = new boolean[lines.length];
        for (int i = 0; i < lines.length; i++) {
            if (SIGNATURE_DELIMITER.matcher(lines[i]).matches()) {
                break;
            }
            own[i] = !quoted[i];
        }
        return own;
    }

    /**
     * Letters with digits or symbols ("Kq7!mzP4wR2x", "Outward-fixture-1"), or a passphrase of three or more
     * words run together or joined ("Bluebell-Harbour-Kettle", "BluebellHarbourKettle"). Handles ("@name",
     * "#tag"), file names and anything with only digits and punctuation are out: they are how people write
     * contacts, files, dates, times and amounts.
     */
    static boolean looksTyped(String token) {
        int length = token.codePointCount(0, token.length());
        if (length < MIN_LENGTH || token.indexOf('@') >= 0 || token.startsWith("#") || FILE_NAME.matcher(token).matches()) {
            return false;
        }
        boolean letter = false;
        boolean digitOrSymbol = false;
        int capitals = 0;
        for (int c : token.codePoints().toArray()) {
            if (Character.isLetter(c)) {
                letter = true;
                capitals += Character.isUpperCase(c) ? 1 : 0;
            } else if ("'’-".indexOf(c) < 0) {
                digitOrSymbol = true;
            }
        }
        if (!letter) {
            return false;
        }
        if (digitOrSymbol) {
            return true;
        }
        String[] joined = token.split("[-.]");
        boolean joinedWords = joined.length >= 3 && java.util.Arrays.stream(joined).allMatch(w -> w.length() >= 4);
        boolean runTogether = capitals >= 3 && length >= 12 && !token.equals(token.toUpperCase(Locale.ROOT));
        return joinedWords || runTogether;
    }

    /** "Ref INV-2024-0042", "Order no: A12-77X", or a line "Ref:" just above a token alone on its line. */
    private static boolean identifierBefore(String[] lines, int line, int start) {
        String before = lines[line].substring(Math.max(0, start - CUE_REACH), start);
        if (IDENTIFIER_CUE.matcher(before).find()) {
            return true;
        }
        if (!before.isBlank()) {
            return false;
        }
        for (int i = line - 1; i >= 0; i--) {
            if (!lines[i].isBlank()) {
                String previous = lines[i].strip();
                return previous.endsWith(":") && IDENTIFIER_CUE.matcher(previous).find();
            }
        }
        return false;
    }
}
