package org.outward.detect.secret;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The registry of cue recognisers Outward ships, English and Welsh. One place to read what is recognised:
 * cues before the token ({@link #defaults()}), cues after it (the recognisers that start with the token), and
 * cues that point to a later line ({@link #linesAhead()}).
 *
 * <p>Every pattern insists on a separator between cue and token (a colon, "is", "yw", "with", "as the"): a cue
 * word on its own ("password reset", "password-protect a spreadsheet") never starts a finding. A cue after the
 * token must end its clause ("X is the password.", not "X is the password policy"). Phrases that may sit
 * between the cue and the separator must open with a preposition ("the password <em>for the zip</em> is"),
 * so "password protection is important" is not read as a disclosure.
 */
public final class Cues {

    /** The nouns that name a secret, English and Welsh. */
    static final String NOUN = "(?:pass\\s?words?|passwd|pass\\s?codes?|pass\\s?phrases?|pwd|pw|p/w"
            + "|pin(?:\\s(?:number|code))?|cyfrinair|cyfrineiriau|cyfrinymadrodd|cod\\s(?:pin|pas|mynediad)|rhif\\spin)";

    /** "The code to open it", "the code for the zip": a code named for a file, unlike a postcode or a door code. */
    static final String FILE_CODE = "code(?=\\s+(?:to\\s+(?:open|unlock|unzip)|for\\s+(?:the|this)\\s+"
            + "(?:file|zip|attachment|spreadsheet|document|folder)))";

    /** The token: a quoted run (which may hold spaces, for passphrases) or the next run of non-space. */
    static final String TOKEN = "(?<token>\"[^\"\\n]{1,64}\"|“[^”\\n]{1,64}”|‘[^’\\n]{1,64}’|'[^'\\n]{1,64}'|\\S+)";

    private static final String EN_LINK = "(?:for|to|on|of|that|which|i|we|you|i've|i'll|i’ve|i’ll|you'll|you’ll|you'd|you’d)";
    /** Words that may stand between an article and the noun: "the <em>zip</em> password", "y cyfrinair <em>newydd</em>". */
    private static final String NOUN_MODIFIER = "(?:new|zip|file|same|actual|correct|temporary|one-time|wifi|wi-fi)";
    /**
     * What may follow a cue that ends its clause: the end, punctuation, a dash, or a word that starts another
     * clause or phrase ("... as the password <em>when</em> it asks"), never a noun that the cue qualifies
     * ("the password <em>policy</em>").
     */
    private static final String CLAUSE_END = "(?=\\s*$|\\s*[.,;:!?)\\-–—]|\\s+(?:for|to|by|please|you|now|btw|and|but|or|so|when|if|then|once|until|on|in|at|this|next|today"
            + "|tonight|again|instead|too"
            + "|ar gyfer|i|newydd|dros dro|ac|a|pan|os|ond|wedyn|yna|er)\\b)";
    private static final String CY_LINK = "(?:ar gyfer|i|ar|y|yr|sydd|a)";
    static final List<String> FILE_CONTEXT = List.of("attach", "zip", "file", "spreadsheet", "encrypt",
            "document", "open", "protected", "atodiad", "ffeil", "amgryptio", "taenlen", "agor");
    private static final List<String> LOGIN_CONTEXT = List.of("login", "log in", "username", "user name",
            "account", "sign in", "mewngofnodi", "enw defnyddiwr", "cyfrif");

    /**
     * Words one of which every cue holds, for a quick look at a line before the recognisers run: most lines of
     * mail name no password, and trying each recogniser at each word of them is most of the detector's time.
     * A new recogniser whose cue holds none of these must add its word here (CuesTest finds it out).
     */
    static final Pattern ANY_CUE = compile("pass|pw|p/w|pin|cyfrin|cod|open|unlock|unzip|decrypt|access|log|sign|user"
            + "|enw|agor|datglo|mynediad|ngofnodi");

    private Cues() {
    }

    /** The recognisers Outward uses by default. */
    public static List<CueRecogniser> defaults() {
        return List.of(
                recogniser("labelled", 0.85, both(),
                        "(?<![\\w-])(?<cue>" + NOUN + "|pass(?=\\s*[:=]))(?:\\s+(?:" + EN_LINK + "|" + CY_LINK
                                + ")\\s[^:=\\n]{1,40}?)?\\s*(?:\\([^)\\n]{0,30}\\)\\s*)?(?:[:=]|\\s[-–—]\\s|\\s*->|\\s*→)\\s*"
                                + TOKEN),
                // "Password Kettle88", "Passcode 839201": no separator at all, so the token must carry a digit
                // or a symbol; a plain word after a bare cue is prose ("password manager").
                strongOnly("bare", 0.7, FILE_CONTEXT,
                        "(?<![\\w-])(?<cue>pass\\s?words?|passwd|pass\\s?code|pwd|pw|p/w|(?-i:PIN)|cyfrinair|cod (?-i:PIN))"
                                + "(?:\\s+for\\s+(?:it|this|that|them|the\\s+[\\w.-]+))?\\s+" + TOKEN),
                recogniser("copula-en", 0.8, FILE_CONTEXT,
                        "(?<![\\w-])(?<cue>" + NOUN + "|" + FILE_CODE + ")(?:\\s*\\([^)\\n]{0,30}\\))?"
                                + "(?:\\s+" + EN_LINK + "\\s(?:[^.\\n:=]|\\.(?=\\S)){1,40}?)?"
                                + "(?:\\s+(?:is|is now|will be|would be|has been changed to|has changed to|"
                                + "changed to|was set to|has been set to)|'s|’s)\\s*:?\\s*" + TOKEN),
                // "Kettle88 is the password": the token comes first, and the cue must end the clause, so
                // "attached is the password policy" is not read as one.
                // The token starts a run of non-space: tried from inside a run too, a long run (a hostile
                // 10 MB line) would cost time quadratic in its length.
                recogniser("copula-reversed", 0.75, FILE_CONTEXT,
                        "(?<!\\S)" + TOKEN + "\\s+(?:(?:is|was|will be|yw|ydy)\\s+(?:the|your|my|our|its|y|yr|eich)"
                                + "|(?:yw|ydy)(?:'r|’r))\\s+(?:" + NOUN_MODIFIER + "\\s+)?"
                                + "(?<cue>" + NOUN + ")" + CLAUSE_END),
                // "Use Kettle88 as the password", "Defnyddiwch Kettle88 fel cyfrinair": the cue names the token's role after it.
                // A cue after the token takes a token that is more than a word: "use postcode as the password" and
                // "Birthday (password)" tell how the password is made, not what it is.
                strongOnly("use-as", 0.8, FILE_CONTEXT,
                        "\\b(?:use|enter|type|put in|try)\\s+" + TOKEN + "\\s+as\\s+(?:the\\s+|your\\s+|a\\s+)?(?:"
                                + NOUN_MODIFIER + "\\s+)?(?<cue>" + NOUN + ")" + CLAUSE_END),
                strongOnly("use-as-cy", 0.8, FILE_CONTEXT,
                        "\\b(?:defnyddiwch|defnyddia|rhowch|rho|teipiwch|teipia)\\s+" + TOKEN
                                + "\\s+fel\\s+(?:y\\s+|yr\\s+|eich\\s+)?(?<cue>" + NOUN + ")" + CLAUSE_END),
                // "Kettle88 - that's the password", "Kettle88, dyna'r cyfrinair": a token, then a remark naming it.
                strongOnly("after-token-named", 0.75, FILE_CONTEXT,
                        "(?<!\\S)" + TOKEN + "\\s*(?:[-–—,]+|<-+|←)\\s*(?:that(?:'s|’s|\\s+is|\\s+was)|dyna(?:'r|’r)|dyna\\s+yw(?:'r|’r)?)"
                                + "\\s+(?:(?:the|your|my|y|yr)\\s+)?(?:" + NOUN_MODIFIER + "\\s+)?(?<cue>" + NOUN + ")" + CLAUSE_END),
                // "Kettle88 (password for the zip)": the bracket must hold only the naming, so "report 55821
                // (password protected)" is not one.
                strongOnly("after-token-bracketed", 0.75, FILE_CONTEXT,
                        "(?<!\\S)" + TOKEN + "\\s*\\(\\s*(?:that(?:'s|’s|\\s+is)\\s+)?(?:(?:the|your|y|yr)\\s+)?(?:"
                                + NOUN_MODIFIER + "\\s+)?(?<cue>" + NOUN + ")(?:\\s+(?:for|to|i|ar gyfer)\\s[^)\\n]{1,40})?\\s*\\)"),
                recogniser("copula-cy", 0.8, FILE_CONTEXT,
                        "(?<![\\w-])(?<cue>" + NOUN + ")(?:\\s+(?:newydd|dros dro|presennol))?(?:\\s*\\([^)\\n]{0,30}\\))?"
                                + "(?:\\s+" + CY_LINK + "\\s(?:[^.\\n:=]|\\.(?=\\S)){1,40}?)?"
                                + "\\s+(?:yw|ydy|ydi|fydd|fydd yn|oedd)\\s*:?\\s*" + TOKEN),
                recogniser("copula-cy-mae", 0.7, FILE_CONTEXT,
                        "\\bmae(?:'r|’r)\\s+(?<cue>" + NOUN + ")(?:\\s+" + CY_LINK + "\\s(?:[^.\\n:=]|\\.(?=\\S)){1,40}?)?"
                                + "\\s+yn\\s*:?\\s*" + TOKEN),
                recogniser("open-with", 0.75, FILE_CONTEXT,
                        "\\b(?<cue>open|unlock|unzip|decrypt|access)(?:\\s+(?:it|this|that|them|them all"
                                + "|the\\s+[\\w.-]+|this\\s+[\\w.-]+|the\\s+[\\w.-]+\\s+[\\w.-]+))?\\s+(?:with|using)"
                                + "(?:\\s+(?:the\\s+)?(?:password|passcode|code|key|phrase))?\\s*:?\\s*" + TOKEN),
                recogniser("use-to-open", 0.7, FILE_CONTEXT,
                        "\\b(?<cue>use|enter|type)\\s+" + TOKEN + "\\s+(?:to|as the password to)\\s+"
                                + "(?:open|unlock|unzip|access|decrypt|log in|sign in)"),
                recogniser("open-with-cy", 0.75, FILE_CONTEXT,
                        "\\b(?<cue>agor|agorwch|agora|datgloi|datglowch)(?:\\s+(?:e|hi|o|nhw"
                                + "|y\\s+[\\w.-]+|y\\s+[\\w.-]+\\s+[\\w.-]+|'r\\s+[\\w.-]+))?"
                                + "\\s+(?:gyda|efo|gan ddefnyddio)(?:(?:'r|’r)\\s+(?:cyfrinair|cod))?\\s*:?\\s*" + TOKEN),
                recogniser("use-to-open-cy", 0.7, FILE_CONTEXT,
                        "\\b(?<cue>defnyddiwch|defnyddia|teipiwch|rhowch)\\s+" + TOKEN
                                + "\\s+i\\s+(?:agor|ddatgloi|gael mynediad|fewngofnodi)"),
                recogniser("credential-pair", 0.9, LOGIN_CONTEXT,
                        "\\b(?<cue>user\\s?name|login|log-in|log\\s?in|sign-in|enw defnyddiwr|mewngofnodi)"
                                + "(?:\\s+details|\\s+manylion)?\\s*(?:[:=]|\\s+is\\b)\\s*[^\\s/:,|]+\\s*(?:/|,|\\||\\band\\b|\\ba\\b)\\s*"
                                + "(?:" + NOUN + "\\s*[:=]?\\s*)?" + TOKEN),
                // "user jevans / pass Kettle88", "log in as jevans, password Kettle88": a login name without a
                // separator of its own, so the secret's cue must be named after it.
                recogniser("login-pass", 0.85, LOGIN_CONTEXT,
                        "\\b(?<cue>user(?:\\s?name)?|login|log\\s?in(?:\\s+as)?|sign\\s?in(?:\\s+as)?|enw defnyddiwr)"
                                + "\\s*[:=]?\\s+[^\\s/:,|;]+\\s*(?:/|,|\\||;|\\band\\b|\\ba\\b)\\s*(?:" + NOUN + "|pass)\\b\\s*[:=]?\\s*" + TOKEN));
    }

    /** The cues whose secret stands alone on a later line. */
    public static List<LineAheadCue> linesAhead() {
        return List.of(
                // "The password for the file is:", "Password for the attachment is as follows:", "Cyfrinair:".
                new LineAheadCue("cue-then-line", compile("(?<![\\w-])(?<cue>" + NOUN + ")(?:\\s+(?:" + EN_LINK + "|" + CY_LINK
                        + ")\\s[^:=\\n]{1,40}?)?\\s*(?::|=|\\bis(?:\\s+as\\s+follows)?:?|\\bas\\s+follows:?|\\byw:?|\\bydy:?"
                        + "|\\bbelow:?|\\bisod:?)\\s*$"), 0.8, FILE_CONTEXT, false),
                // "Password below as promised", "the password's below so it isn't in the preview": only a
                // pointer, so the line it points to must hold more than a plain word.
                new LineAheadCue("below-then-line", compile("(?<![\\w-])(?<cue>" + NOUN + ")(?:'s|’s|\\s+(?:is|yw|sydd|will be|goes))?"
                        + "\\s+(?:below|underneath|beneath|(?:further|lower)\\s+down|at the (?:bottom|end)|on the next line|isod|(?:ymhellach|yn is)\\s+i\\s+lawr)\\b"), 0.75, FILE_CONTEXT, true));
    }

    private static List<String> both() {
        return java.util.stream.Stream.concat(FILE_CONTEXT.stream(), LOGIN_CONTEXT.stream()).toList();
    }

    private static CueRecogniser recogniser(String id, double base, List<String> context, String regex) {
        return new CueRecogniser(id, compile(regex), base, context, false);
    }

    private static CueRecogniser strongOnly(String id, double base, List<String> context, String regex) {
        return new CueRecogniser(id, compile(regex), base, context, true);
    }

    private static Pattern compile(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
