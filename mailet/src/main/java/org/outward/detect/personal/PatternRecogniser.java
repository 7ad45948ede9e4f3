package org.outward.detect.personal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scanning plan's machinery for one pattern: a precompiled shape, a validator for each candidate, and
 * context words looked for in a window around it. Most values hold a digit: those patterns are tried only near
 * the text's runs of digits ({@link DigitRuns}, found once for all recognisers) that are long enough for their
 * values; the others name a character every value holds, and only lines with it are searched. What a pattern
 * needs here is answered by {@link DeclaredRecogniser} from its declaration; the street address, which is no
 * declared identifier, answers by hand.
 */
abstract class PatternRecogniser implements Recogniser, ScansText {

    /**
     * Context patterns searched at word starts, shared by every detector: working out a pattern's beginnings
     * takes a few milliseconds, and a detector is built with each engine.
     */
    private static final java.util.Map<String, WordStarts> CONTEXTS = new java.util.concurrent.ConcurrentHashMap<>();

    private final DataKind kind;
    private final Pattern pattern;
    /** Where the pattern can begin; every pattern here begins with {@code \b}. */
    private final WordStarts starts;
    /** The context pattern searched at word starts, for windows answered from one search of the text. */
    private final WordStarts contextStarts;
    private final boolean contextRequired;
    private final int window;
    private final double baseScore;
    /** Context words as plain lower-case text, for a quick "is there any context at all" gate. */
    private final List<String> contextLiterals;

    /**
     * @param contextWords    words or phrases (regex-escaped) that make a candidate more likely; may be empty
     * @param contextRequired drop candidates with no context word in the window
     * @param window          characters looked at either side of a candidate
     */
    PatternRecogniser(DataKind kind, Pattern pattern, List<String> contextWords, boolean contextRequired,
            int window, double baseScore) {
        this.kind = kind;
        this.pattern = pattern;
        this.starts = new WordStarts(pattern);
        this.contextStarts = contextWords.isEmpty() ? null : CONTEXTS.computeIfAbsent(
                "(?i)\\b(?:" + String.join("|", contextWords) + ")\\b", regex -> new WordStarts(Pattern.compile(regex)));
        this.contextRequired = contextRequired;
        this.window = window;
        this.baseScore = baseScore;
        this.contextLiterals = contextWords.stream().map(w -> w.replace("\\", "").toLowerCase(Locale.ROOT)).toList();
    }

    /** The values' shape. */
    Pattern pattern() {
        return pattern;
    }

    /** Whether a candidate with no context word near is dropped. */
    boolean contextRequired() {
        return contextRequired;
    }

    /** The context words as a pattern searched at word starts; null for a recogniser without them. */
    WordStarts contextPattern() {
        return contextStarts;
    }

    @Override
    public final DataKind kind() {
        return kind;
    }

    /** Whether the candidate (the whole match) is a real value of this kind. */
    abstract boolean validate(String candidate);

    /**
     * How many characters before its first digit a match can start, or -1 when a match need not hold a
     * digit (then the lines holding {@link #trigger()} are scanned).
     */
    int digitAnchor() {
        return -1;
    }

    /** The fewest digits a value has from its first digit on (spaces and dashes between them allowed). */
    int minDigits() {
        return 1;
    }

    /**
     * The most ASCII digits a whole value has ({@link #isValue} turns away a cell with more before the pattern):
     * a column of phone numbers is not tried cell by cell as NHS or National Insurance numbers. By default, no
     * limit.
     */
    int maxDigits() {
        return Integer.MAX_VALUE;
    }

    /** Whether the text's digit runs allow a value at all; by default, some run has {@link #minDigits()}. */
    boolean mayContain(DigitRuns runs) {
        return runs.any(minDigits());
    }

    /**
     * A hand-written test every value passes at its first character, checked before the regex is started
     * there (a necessary condition only: the regex still decides). By default, none.
     */
    boolean mayBeginAt(String text, int i) {
        return true;
    }

    /** For recognisers not anchored at digits: a character every value holds, or 0 for none. */
    char trigger() {
        return 0;
    }

    /**
     * For a recogniser with a {@link #trigger()} that reads its pattern by hand: the first match within
     * [from, to), what lies around seen as it is (as {@code find()} over that region with transparent bounds),
     * as {@code start << 32 | end}; -1 for none. By default, {@link #NOT_BY_HAND}: the regex is searched.
     */
    long findByHand(String text, int from, int to) {
        return NOT_BY_HAND;
    }

    /** {@link #findByHand}'s answer for a recogniser that searches its regex. */
    static final long NOT_BY_HAND = HandReading.NOT_READ;

    @Override
    public List<Match> find(String text) {
        return find(new ScannedText(text));
    }

    /** Values in the text, with its digit runs and lower-cased copy shared with the other recognisers. */
    @Override
    public List<Match> find(ScannedText text) {
        if (text.length() == 0) {
            return List.of();
        }
        if (digitAnchor() >= 0 && !mayContain(text.digitRuns())) {
            return List.of(); // no run of digits long enough for a value
        }
        if (contextRequired && !(contextStarts != null && anyContext(text))) {
            return List.of(); // every candidate would be dropped for want of a context word
        }
        Scan scan = new Scan(text, contextRequired);
        if (digitAnchor() < 0) {
            byTrigger(scan);
        } else {
            anchoredAtDigits(scan, text.digitRuns());
        }
        return scan.found == null ? List.of() : scan.found;
    }

    /** One search: the text, its matchers (made on first use) and what was accepted. */
    private final class Scan {
        final String text;
        final ScannedText scanned;
        /** What was accepted; made on the first value, as most texts have none. */
        List<Match> found;
        private Matcher matcher;
        private WindowSearch contextSearch;
        /**
         * Whether the text has any context word at all (1 yes, 2 no, 0 not yet known): known before the search
         * where the words are required, else worked out when a candidate first needs it.
         */
        private byte anyContext;
        private static final byte YES = 1;
        private static final byte NO = 2;

        Scan(ScannedText scanned, boolean knownToHaveContext) {
            this.scanned = scanned;
            this.text = scanned.text();
            this.anyContext = knownToHaveContext ? YES : 0;
        }

        boolean anyContext() {
            if (anyContext == 0) {
                anyContext = contextStarts != null && PatternRecogniser.this.anyContext(scanned) ? YES : NO;
            }
            return anyContext == YES;
        }

        Matcher matcher() {
            if (matcher == null) {
                matcher = pattern.matcher(text);
                matcher.useTransparentBounds(true);
                matcher.useAnchoringBounds(false);
            }
            return matcher;
        }

        boolean near(int start, int end) {
            if (contextStarts == null) {
                return false;
            }
            if (!anyContext()) {
                return false;
            }
            if (contextSearch == null) {
                contextSearch = new WindowSearch(contextStarts, scanned);
            }
            return contextSearch.overlaps(start - window, end + window);
        }
    }

    /** The lines that hold the trigger character (every line when there is none), searched one by one. */
    private void byTrigger(Scan scan) {
        String text = scan.text;
        char trigger = trigger();
        int from = 0;
        while (from < text.length()) {
            if (trigger != 0) {
                int at = text.indexOf(trigger, from);
                if (at < 0) {
                    return;
                }
                from = text.lastIndexOf('\n', at) + 1;
            }
            int newline = text.indexOf('\n', from);
            int to = newline < 0 ? text.length() : newline;
            if (to > from) {
                searchLine(scan, from, to, trigger);
            }
            from = to + 1;
        }
    }

    /**
     * The values on the line [from, to), as {@code find()} over the line finds them, looked for only while the
     * rest of the line holds the trigger (no value holds none), by hand where the recogniser reads its pattern
     * so ({@link #findByHand}). The bounds are transparent: the characters beside the line are line ends (or
     * nothing), so the pattern's {@code \b} and lookarounds see what they would see at the line's own ends.
     */
    private void searchLine(Scan scan, int from, int to, char trigger) {
        String text = scan.text;
        Matcher m = null;
        int p = from;
        while (p <= to) {
            if (trigger != 0) {
                int at = text.indexOf(trigger, p);
                if (at < 0 || at >= to) {
                    return;
                }
            }
            int matchStart;
            int matchEnd;
            long byHand = findByHand(text, p, to);
            if (byHand != NOT_BY_HAND) {
                if (byHand < 0) {
                    return;
                }
                matchStart = (int) (byHand >>> 32);
                matchEnd = (int) byHand;
            } else {
                if (m == null) {
                    m = scan.matcher();
                }
                m.region(p, to);
                if (!m.find()) {
                    return;
                }
                matchStart = m.start();
                matchEnd = m.end();
            }
            accept(matchStart, matchEnd, scan);
            p = matchEnd > matchStart ? matchEnd : matchEnd + 1;
        }
    }

    /**
     * Tries the pattern only where it can start: at most {@link #digitAnchor()} characters before the first
     * digit of a run long enough for this recogniser, and never across a line. A regex started at every
     * position of every line is what made this slow; most characters of prose are not near a digit.
     */
    private void anchoredAtDigits(Scan scan, DigitRuns runs) {
        int minDigits = minDigits();
        int done = 0;
        String text = scan.text;
        ScannedText scanned = scan.scanned;
        for (int r = 0; r < runs.size(); r++) {
            int i = runs.start(r);
            if (i < done || runs.digits(r) < minDigits) {
                continue;
            }
            // Every pattern begins with \b and a word character: only a word start whose first letters fit can
            // begin a match, and the text's word starts are known. The run's own word is the last that can;
            // the first is found going back from it, a few characters at most.
            int from = Math.max(Math.max(done, runs.lineStart(r)), i - digitAnchor());
            int last = runs.word(r);
            int first = last;
            while (first > 0 && scanned.wordStart(first - 1) >= from) {
                first--;
            }
            for (int w = first; w <= last; w++) {
                int start = scanned.wordStart(w);
                if (start < from || !starts.mayStartAt(text, start) || !mayBeginAt(text, start)) {
                    continue;
                }
                int end = matchEnd(scan, start, runs.lineEnd(r));
                if (end >= 0 && accept(start, end, scan)) {
                    done = end;
                    break;
                }
            }
        }
    }

    /** Where the pattern's match at {@code start}, within [start, to), ends; -1 for none. */
    private int matchEnd(Scan scan, int start, int to) {
        if (byHand()) {
            return handMatchEnd(scan.text, start, to);
        }
        Matcher m = scan.matcher().region(start, to);
        return m.lookingAt() ? m.end() : -1;
    }

    /**
     * Whether {@link #endByHand} decides this recogniser's matches in running text in place of its regex. The
     * regex stays the definition (a test compares the two): setting a matcher's region resets all its groups,
     * and for the street and postcode patterns that cost more than the matching.
     */
    boolean byHand() {
        return false;
    }

    /**
     * Where the pattern's match at word start i, within [i, to) with what lies around seen as it is, ends, read
     * by hand; -1 for none. Every pattern begins with {@code \b}: a word start behind a combining mark on a
     * letter is none to the regex ({@link WordBoundary}), and is turned away here for every hand-written matcher.
     */
    final int handMatchEnd(String text, int i, int to) {
        return WordBoundary.wordBefore(text, i) ? -1 : endByHand(text, i, to);
    }

    /**
     * For a recogniser that decides {@link #byHand()}: {@link #handMatchEnd} past the {@code \b} before i, which
     * is known to hold.
     */
    int endByHand(String text, int i, int to) {
        throw new UnsupportedOperationException("no hand-written matcher");
    }

    /** Validates a match and records it, with its context score; false when it is rejected. */
    private boolean accept(int start, int end, Scan scan) {
        if (!validate(scan.text.substring(start, end))) {
            return false;
        }
        boolean near = scan.near(start, end);
        if (contextRequired && !near) {
            return false;
        }
        if (scan.found == null) {
            scan.found = new ArrayList<>(4);
        }
        scan.found.add(new Match(kind, start, end, near ? Math.min(1.0, baseScore + 0.3) : baseScore));
        return true;
    }

    /**
     * Whether any word of the text begins with a context word, ignoring case: most mail has no "date of birth"
     * or "NHS" at all, and then no candidate's window needs searching. A context match begins with {@code \b}
     * at a word start of the text (a window is asked for the text's matches that reach into it), and the
     * pattern ignores the case of ASCII letters only, so this misses nothing it would find. The words of all
     * recognisers are looked for together, once per text ({@link ContextWords}); a text read on its own,
     * without them, is searched word by word anywhere in its lower-cased copy (more often yes, never a wrong
     * no).
     */
    private boolean anyContext(ScannedText text) {
        int[] ids = text.contextWords() == null ? null : text.contextWords().idsOf(this);
        if (ids != null) {
            boolean[] present = text.contextWordsPresent();
            for (int id : ids) {
                if (present[id]) {
                    return true;
                }
            }
            return false;
        }
        for (String word : contextLiterals) {
            if (text.lower().indexOf(word) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** The context words as plain lower-case text, for {@link ContextWords}. */
    List<String> contextLiterals() {
        return contextLiterals;
    }

    @Override
    public boolean isValue(String cell) {
        if (cell == null) {
            return false;
        }
        String value = cell.strip();
        // A value is a match from its first character: the hand-written tests of a start there must pass.
        return !value.isEmpty() && value.length() < 64 && mayBe(value) && wholeHasShape(value) && validate(value);
    }

    /**
     * Whether the whole (stripped, non-empty) value has the pattern's shape: the hand-written tests of a start
     * first, then {@link #shapeOf}. A recogniser may decide it another way that answers as the regex would.
     */
    boolean wholeHasShape(String value) {
        return starts.mayStartAt(value, 0) && mayBeginAt(value, 0) && shapeOf(value);
    }

    /** Whether the whole value has the pattern's shape; a recogniser may decide it by hand, as the regex would. */
    boolean shapeOf(String value) {
        return pattern.matcher(value).matches();
    }

    /**
     * What every value holds, checked by hand before the pattern: as many digits as a value has for a recogniser
     * anchored at digits, its trigger character for the others. Table columns put every sampled cell through each
     * recogniser in turn, and a column of names or towns fails here without a regex.
     */
    private boolean mayBe(String value) {
        if (digitAnchor() >= 0) {
            int digits = asciiDigits(value);
            return digits >= minDigits() && digits <= maxDigits();
        }
        char trigger = trigger();
        return trigger == 0 || value.indexOf(trigger) >= 0;
    }

    /** How many characters of the value are ASCII digits. */
    static int asciiDigits(String value) {
        int digits = 0;
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch >= '0' && ch <= '9') {
                digits++;
            }
        }
        return digits;
    }

    /** The characters of a candidate that are digits, in order. */
    static String digits(String candidate) {
        return CheckDigit.digitsOf(candidate);
    }
}
