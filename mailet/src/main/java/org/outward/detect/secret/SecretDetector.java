package org.outward.detect.secret;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds secrets (passwords, passcodes, PINs, login details) disclosed in a message's text.
 *
 * <p>Built like Presidio: {@link CueRecogniser}s find a cue and the token it introduces, the
 * {@link TokenJudge} decides whether that token could be a secret, {@link CueContext} adjusts the
 * confidence by the words around it, and findings at or above the threshold are reported. A text attachment
 * named like {@code password.txt} is its own cue: each short line in it is judged as a token.
 *
 * <p>Findings carry the secret only in redacted form. This class logs nothing and puts no message text in
 * exceptions. Instances are immutable and safe to share between mailet threads.
 */
public final class SecretDetector {

    /** Default reporting threshold: a labelled ordinary token passes it, an example in a policy does not. */
    public static final double DEFAULT_THRESHOLD = 0.6;

    private static final Pattern SECRET_FILE_NAME = Pattern.compile(
            "(?i)(.*(pass|pwd|cyfrin|login|credential|secret|mewngofnodi).*|(.*[^a-z])?pw([^a-z].*)?)\\.(txt|text)");
    private static final int SECRET_FILE_MAX_LINES = 10;
    private static final Pattern CLAUSE_GOES_ON = Pattern.compile("[,]?\\s+[\\p{L}']");
    private static final double SECRET_FILE_CONFIDENCE = 0.8;

    private final List<CueRecogniser> recognisers;
    private final List<LineAheadCue> linesAhead;
    private final TokenJudge judge;
    private final double threshold;

    public SecretDetector(List<CueRecogniser> recognisers, TokenJudge judge, double threshold) {
        this(recognisers, List.of(), judge, threshold);
    }

    /** With cues whose secret stands on a later line as well. */
    public SecretDetector(List<CueRecogniser> recognisers, List<LineAheadCue> linesAhead, TokenJudge judge,
                          double threshold) {
        this.recognisers = List.copyOf(recognisers);
        this.linesAhead = List.copyOf(linesAhead);
        this.judge = Objects.requireNonNull(judge, "judge");
        this.threshold = threshold;
    }

    /** The shipped recognisers, word list and threshold. */
    public static SecretDetector withDefaults() {
        return new SecretDetector(Cues.defaults(), Cues.linesAhead(), new TokenJudge(CommonWords.standard()),
                DEFAULT_THRESHOLD);
    }

    /** Findings in all these sources, in order. */
    public List<SecretFinding> detect(Collection<TextSource> sources) {
        List<SecretFinding> findings = new ArrayList<>();
        for (TextSource source : sources) {
            findings.addAll(detect(source));
        }
        return List.copyOf(findings);
    }

    /** Findings in one source, at most one per secret. */
    public List<SecretFinding> detect(TextSource source) {
        return findTokens(source).stream().map(TokenFinding::finding).toList();
    }

    /**
     * Findings in all these sources with the tokens they are about, for the correlation to test against an
     * earlier file's own password check. The tokens must stay in memory.
     */
    public List<TokenFinding> findTokens(Collection<TextSource> sources) {
        List<TokenFinding> found = new ArrayList<>();
        for (TextSource source : sources) {
            found.addAll(findTokens(source));
        }
        return List.copyOf(found);
    }

    private List<TokenFinding> findTokens(TextSource source) {
        String text = source.location() == Location.SUBJECT
                ? source.text().replaceAll("\\r?\\n[ \\t]+", " ") // unfolded header
                : source.text();
        String[] lines = text.split("\\r?\\n", -1);
        boolean[] quoted = switch (source.location()) {
            case BODY_PLAIN, BODY_HTML -> QuotedText.mark(lines);
            default -> new boolean[lines.length];
        };
        // Most lines hold no cue word at all; which do is worked out once for both passes below.
        boolean[] cued = new boolean[lines.length];
        for (int i = 0; i < lines.length; i++) {
            cued[i] = Cues.ANY_CUE.matcher(lines[i]).find();
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (!cued[i]) {
                continue;
            }
            for (CueRecogniser recogniser : recognisers) {
                Matcher matcher = recogniser.pattern().matcher(lines[i]);
                while (matcher.find()) {
                    String token = TokenText.clean(matcher.group("token"));
                    TokenVerdict verdict = judge.judge(token);
                    if (!verdict.plausible() || (recogniser.needsMixedToken() && !TokenJudge.isMoreThanAWord(token))
                            || (matcher.end("token") == matcher.end()
                                && sentenceGoesOn(token, lines[i].substring(matcher.end("token"))))) {
                        continue;
                    }
                    double confidence = recogniser.baseConfidence() + verdict.adjustment()
                            + CueContext.adjust(recogniser, lines, i);
                    candidates.add(new Candidate(i, matcher.start("token"), recogniser.id(),
                            CueLabel.of(cueText(matcher)), token, clamp(confidence)));
                }
            }
        }
        addTokensBelowCues(lines, cued, candidates);
        if (source.location() == Location.ATTACHMENT && isSecretFile(source.fileName(), lines)) {
            addSecretFileLines(lines, candidates);
        }
        return report(source, quoted, candidates);
    }

    /** A cue that points down the message, and the secret alone on the next line that is not blank. */
    private void addTokensBelowCues(String[] lines, boolean[] cued, List<Candidate> candidates) {
        for (int i = 0; i < lines.length; i++) {
            if (!cued[i]) {
                continue;
            }
            for (LineAheadCue ahead : linesAhead) {
                Matcher cue = ahead.cueLine().matcher(lines[i]);
                if (!cue.find()) {
                    continue;
                }
                int j = nextFilledLine(lines, i);
                if (j < 0) {
                    continue;
                }
                String line = bare(lines[j]);
                String token = TokenText.clean(line);
                TokenVerdict verdict = judge.judge(token);
                if (line.contains(" ") || !verdict.plausible() || (ahead.needsMixedToken() && !TokenJudge.isMoreThanAWord(token))) {
                    continue;
                }
                candidates.add(new Candidate(j, Math.max(0, lines[j].indexOf(line)), ahead.id(), CueLabel.of(cue.group("cue")),
                        token, clamp(ahead.baseConfidence() + verdict.adjustment()
                        + CueContext.adjust(ahead.contextWords(), lines, i))));
            }
        }
    }

    /** The first line after this one with text on it, within {@link LineAheadCue#REACH}; -1 when none. */
    private static int nextFilledLine(String[] lines, int cue) {
        for (int j = cue + 1; j < Math.min(lines.length, cue + 1 + LineAheadCue.REACH); j++) {
            if (!bare(lines[j]).isEmpty()) {
                return j;
            }
        }
        return -1;
    }

    /** A line without its quote marks and the spaces around it, non-breaking ones (an HTML &amp;nbsp;) included. */
    private static String bare(String line) {
        return line.replace('\u00a0', ' ').strip().replaceFirst("^(?:>\\s*)+", "");
    }

    private void addSecretFileLines(String[] lines, List<Candidate> candidates) {
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.contains(" ")) {
                continue;
            }
            String token = TokenText.clean(line);
            TokenVerdict verdict = judge.judge(token);
            if (verdict.plausible()) {
                candidates.add(new Candidate(i, lines[i].indexOf(line), "named-file", "Password", token,
                        clamp(SECRET_FILE_CONFIDENCE + verdict.adjustment())));
            }
        }
    }

    /**
     * A plain word followed by more words of the same clause is prose ("Password: trouble, honestly",
     * "the password is Welsh for dragon"); a password stands at the end of its clause.
     */
    private static boolean sentenceGoesOn(String token, String after) {
        return TokenJudge.isPlainWord(token) && CLAUSE_GOES_ON.matcher(after).lookingAt();
    }

    private static boolean isSecretFile(String fileName, String[] lines) {
        return fileName != null && SECRET_FILE_NAME.matcher(fileName).matches()
                && java.util.Arrays.stream(lines).filter(l -> !l.isBlank()).count() <= SECRET_FILE_MAX_LINES;
    }

    /** Keeps the most confident candidate for each token position and turns the rest into findings. */
    private List<TokenFinding> report(TextSource source, boolean[] quoted, List<Candidate> candidates) {
        candidates.sort(Comparator.comparingDouble(Candidate::confidence).reversed());
        List<Candidate> kept = new ArrayList<>();
        for (Candidate candidate : candidates) {
            if (candidate.confidence() < threshold) {
                continue;
            }
            boolean duplicate = kept.stream().anyMatch(k -> k.line() == candidate.line()
                    && (k.start() == candidate.start() || k.token().equals(candidate.token())));
            if (!duplicate) {
                kept.add(candidate);
            }
        }
        kept.sort(Comparator.comparingInt(Candidate::line).thenComparingInt(Candidate::start));
        List<TokenFinding> findings = new ArrayList<>();
        for (Candidate c : kept) {
            Location location = quoted[c.line()] ? Location.QUOTED : source.location();
            findings.add(new TokenFinding(new SecretFinding(location, source.partPath(), c.line() + 1, c.recogniser(),
                    c.label(), Redaction.of(c.label(), c.token()), c.confidence()), c.token()));
        }
        return List.copyOf(findings);
    }

    private static String cueText(Matcher matcher) {
        try {
            return matcher.group("cue");
        } catch (IllegalArgumentException noCueGroup) {
            return "";
        }
    }

    private static double clamp(double confidence) {
        return Math.max(0, Math.min(1, confidence));
    }

    /** A possible finding before deduplication; holds the token, so it never leaves this class. */
    private record Candidate(int line, int start, String recogniser, String label, String token,
                             double confidence) {
        @Override
        public String toString() {
            return "Candidate[line " + line + ", " + recogniser + "]";
        }
    }
}
